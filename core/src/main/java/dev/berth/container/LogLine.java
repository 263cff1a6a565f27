package dev.berth.container;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of container output, without its line terminator.
 *
 * @param source    stdout or stderr
 * @param text      the line
 * @param timestamp the engine's timestamp, when timestamps were requested
 */
public record LogLine(LogSource source, String text, Optional<Instant> timestamp) {
    public LogLine {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String toString() {
        return timestamp.map(t -> t + " ").orElse("") + text;
    }
}
