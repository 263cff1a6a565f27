package dev.berth.compose.model;

import java.time.Duration;
import java.util.List;

/** A healthcheck; {@code test} starts with CMD, CMD-SHELL or NONE. Durations and retries are null when unset. */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod,
                          Duration startInterval, boolean disable) {
    public Healthcheck {
        test = List.copyOf(test);
    }
}
