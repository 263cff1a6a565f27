package dev.berth.swarm;

import java.util.Locale;

/** Whether a node is reachable: ready, down, disconnected or unknown. */
public enum NodeState {
    UNKNOWN, DOWN, READY, DISCONNECTED;

    /** The engine's name, e.g. {@code unknown}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the engine's name, any case; unknown names give {@link #UNKNOWN}. */
    public static NodeState parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
