package dev.berth.swarm;

import java.util.Locale;

/** Whether the scheduler may place tasks on a node: active, pause (no new tasks) or drain (tasks move away). */
public enum NodeAvailability {
    ACTIVE, PAUSE, DRAIN;

    /** The engine's name, e.g. {@code active}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the engine's name, any case. */
    public static NodeAvailability parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown node availability '" + s + "'; use one of "
                    + java.util.Arrays.toString(values()), e);
        }
    }
}
