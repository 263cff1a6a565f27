package dev.berth.swarm;

import java.util.Map;
import java.util.Objects;

/** The log driver of a service's containers ({@code --log-driver}, {@code --log-opt}). */
public record LogDriver(String name, Map<String, String> options) {
    public LogDriver {
        Objects.requireNonNull(name, "name");
        options = Map.copyOf(options);
    }

    /** The driver with no options. */
    public static LogDriver of(String name) {
        return new LogDriver(name, Map.of());
    }
}
