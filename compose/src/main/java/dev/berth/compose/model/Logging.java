package dev.berth.compose.model;

import java.util.Map;

/** The logging driver and its options. */
public record Logging(String driver, Map<String, String> options) {
    public Logging {
        options = Map.copyOf(options);
    }
}
