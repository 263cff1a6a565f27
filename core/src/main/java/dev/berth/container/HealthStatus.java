package dev.berth.container;

import java.util.Locale;

/** A container's health as the engine reports it; {@link #NONE} when it has no health check. */
public enum HealthStatus {
    NONE, STARTING, HEALTHY, UNHEALTHY;

    /** Parses the engine's value ({@code starting}, {@code healthy}, {@code unhealthy}); null or empty is NONE. */
    public static HealthStatus parse(String s) {
        return s == null || s.isEmpty() ? NONE : valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
