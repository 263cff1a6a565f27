package dev.berth.swarm;

import dev.berth.container.LogSource;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a service's output ({@code docker service logs}), attributed to the task and node that wrote it.
 *
 * @param taskId    the task that wrote it
 * @param nodeId    the node the task ran on
 * @param source    stdout or stderr
 * @param text      the line, without its terminator
 * @param timestamp the engine's timestamp, when requested
 */
public record ServiceLogLine(String taskId, String nodeId, LogSource source, String text, Optional<Instant> timestamp) {
    public ServiceLogLine {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String toString() {
        return timestamp.map(t -> t + " ").orElse("") + taskId.substring(0, Math.min(12, taskId.length())) + "@"
                + nodeId.substring(0, Math.min(12, nodeId.length())) + " | " + text;
    }
}
