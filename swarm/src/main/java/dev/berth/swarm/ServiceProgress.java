package dev.berth.swarm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a converging service stands, reported each time its tasks change state.
 *
 * @param service     the service's name
 * @param running     up-to-date tasks running (completed tasks for jobs)
 * @param desired     tasks wanted (replicas, eligible nodes or job completions)
 * @param changes     the task changes since the previous report
 * @param updateState the service's rolling-update state, if an update is under way or finished
 */
public record ServiceProgress(String service, int running, int desired, List<TaskChange> changes,
                              Optional<UpdateState> updateState) {
    public ServiceProgress {
        Objects.requireNonNull(service, "service");
        changes = List.copyOf(changes);
        Objects.requireNonNull(updateState, "updateState");
    }

    @Override
    public String toString() {
        return service + ": " + running + "/" + desired + updateState.map(s -> " [" + s.wireName() + "]").orElse("")
                + (changes.isEmpty() ? "" : " " + changes);
    }
}
