package dev.berth.swarm;

import java.util.Locale;

/** Whether an updated task's old container stops before or after its replacement starts ({@code --update-order}). */
public enum UpdateOrder {
    /** Stop the old task, then start the new one (the default). */
    STOP_FIRST,
    /** Start the new task first; both run briefly. */
    START_FIRST;

    /** The engine's name: {@code stop-first} or {@code start-first}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code stop-first} or {@code start-first}. */
    public static UpdateOrder parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown update order '" + s + "'; use stop-first or start-first", e);
        }
    }
}
