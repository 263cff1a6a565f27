package dev.berth.swarm;

import java.util.Locale;

/** When the swarm replaces a task whose container stopped ({@code --restart-condition}). */
public enum RestartCondition {
    /** Never. */
    NONE,
    /** When the container exits with a non-zero code. */
    ON_FAILURE,
    /** Whenever the container stops (the default). */
    ANY;

    /** The engine's name: {@code none}, {@code on-failure} or {@code any}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code none}, {@code on-failure} or {@code any}. */
    public static RestartCondition parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown restart condition '" + s + "'; use none, on-failure or any", e);
        }
    }
}
