package dev.berth.swarm;

import java.util.Objects;
import java.util.Optional;

/**
 * A task observed in a new state.
 *
 * @param task     the task as now seen
 * @param previous the state it had when last seen; empty for a task seen for the first time
 */
public record TaskChange(Task task, Optional<TaskState> previous) {
    public TaskChange {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(previous, "previous");
    }

    /** Whether this is a task that was not seen before (a new replica or a replacement). */
    public boolean isNew() {
        return previous.isEmpty();
    }

    @Override
    public String toString() {
        return task.name() + ": " + previous.map(p -> p.wireName() + " -> ").orElse("new, ")
                + task.state().wireName() + task.error().map(e -> " (" + e + ")").orElse("");
    }
}
