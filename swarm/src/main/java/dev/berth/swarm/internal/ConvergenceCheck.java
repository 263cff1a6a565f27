package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.internal.JsonValues;
import dev.berth.swarm.ServiceMode;
import dev.berth.swarm.ServiceUpdateException;
import dev.berth.swarm.Task;
import dev.berth.swarm.TaskState;
import dev.berth.swarm.UpdateState;
import dev.berth.swarm.UpdateStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, from one reading of a service and its up-to-date tasks, whether the service has converged — a pure function
 * following the docker CLI's progress logic ({@code cli/command/service/progress}): per replica slot (or per node for
 * global services) the task with the lowest desired state counts, tasks on nodes that are down do not, and a job is
 * done when its current iteration has completed. Berth adds per-task stability: a running task counts as stable
 * once it has been running for {@code stableFor}.
 */
public final class ConvergenceCheck {
    private ConvergenceCheck() {
    }

    /**
     * A change the caller made through its handle.
     *
     * @param before   the service's update status before the change
     * @param rollback whether the change was a requested rollback (then a completed rollback is the goal)
     */
    public record Change(Optional<UpdateStatus> before, boolean rollback) {
        /** Whether {@code u} belongs to a rollout that started with or after this change. */
        boolean rollout(UpdateStatus u) {
            return before.isEmpty() || !before.get().startedAt().equals(u.startedAt());
        }
    }

    /**
     * The outcome of one check.
     *
     * @param converged whether every desired task runs (or completed, for jobs)
     * @param stableAt  when the last counted task becomes stable; the wait is over once this has passed
     * @param running   tasks counted as running (completed, for jobs)
     * @param desired   tasks wanted
     * @param update    the service's update state, if it has one
     * @param failure   set when the service cannot converge by itself (update paused, rolled back)
     * @param state     the last state in words, for progress and timeouts
     */
    public record Verdict(boolean converged, Instant stableAt, int running, int desired, Optional<UpdateState> update,
                          Optional<ServiceUpdateException> failure, String state) {
        /** Whether the wait is over at {@code now}. */
        public boolean done(Instant now) {
            return failure.isEmpty() && converged && !stableAt.isAfter(now);
        }
    }

    /**
     * Evaluates one reading.
     *
     * @param service       the service JSON ({@code GET /services/{id}})
     * @param tasks         its up-to-date tasks ({@code _up-to-date=true}); for jobs, those of the current iteration
     * @param activeNodes   ids of nodes not down
     * @param runningSince  when each running task was first seen running (local clock), to bound the engine's clock
     * @param change        the caller's own change through its handle, to tell its rollout from older ones; null
     *                      when the caller made none
     * @param stableFor     how long a task must have been running
     */
    public static Verdict evaluate(JsonNode service, List<Task> tasks, Set<String> activeNodes,
                                   Map<String, Instant> runningSince, Change change, Duration stableFor) {
        String name = JsonValues.str(JsonValues.at(service, "Spec"), "Name");
        ServiceMode mode = ServiceSpecReader.mode(JsonValues.at(service, "Spec", "Mode"));
        Optional<UpdateStatus> us = Readers.updateStatus(service);
        Optional<UpdateState> update = us.map(UpdateStatus::state);
        Optional<ServiceUpdateException> failure = us.flatMap(u -> failure(name, u, change));
        boolean rolling = us.map(u -> u.state().inProgress()).orElse(false);
        Instant stableAt = Instant.EPOCH;
        int running;
        int desired;
        if (mode instanceof ServiceMode.ReplicatedJob || mode instanceof ServiceMode.GlobalJob) {
            Map<String, Task> byKey = new LinkedHashMap<>();
            for (Task t : tasks) {
                byKey.merge(mode instanceof ServiceMode.GlobalJob ? t.nodeId().orElse(t.id()) : t.id(), t,
                        (a, b) -> a.state() == TaskState.COMPLETE ? a : b);
            }
            running = (int) byKey.values().stream().filter(t -> t.state() == TaskState.COMPLETE).count();
            desired = mode instanceof ServiceMode.ReplicatedJob j ? j.totalCompletions() : byKey.size();
            boolean converged = mode instanceof ServiceMode.ReplicatedJob ? running >= desired
                    : desired > 0 && running == desired;
            return new Verdict(converged && !rolling, stableAt, running, desired, update, failure,
                    describe(name, running, desired, "completed", update, tasks));
        }
        Collection<Task> counted = mode instanceof ServiceMode.Global ? byNode(tasks, activeNodes).values()
                : bySlot(tasks, activeNodes).values();
        running = 0;
        for (Task t : counted) {
            if (!t.desiredState().isTerminal() && t.state() == TaskState.RUNNING) {
                running++;
                Instant since = t.since();
                Instant seen = runningSince.get(t.id());
                if (seen != null && seen.isBefore(since)) {
                    since = seen;
                }
                Instant stable = since.plus(stableFor);
                if (stable.isAfter(stableAt)) {
                    stableAt = stable;
                }
            }
        }
        if (mode instanceof ServiceMode.Replicated r) {
            desired = r.replicas();
        } else {
            desired = (int) counted.stream().filter(t -> !t.desiredState().isTerminal()).count();
        }
        boolean converged = running == desired && !rolling && (desired > 0 || mode instanceof ServiceMode.Replicated);
        return new Verdict(converged, stableAt, running, desired, update, failure,
                describe(name, running, desired, "running", update, tasks));
    }

    private static Optional<ServiceUpdateException> failure(String name, UpdateStatus u, Change change) {
        boolean ours = change != null && change.rollout(u) && !change.rollback();
        String msg = u.message().isEmpty() ? "" : " (" + u.message() + ")";
        return switch (u.state()) {
            case PAUSED -> Optional.of(new ServiceUpdateException(name, u, "The update of service '" + name
                    + "' is paused" + msg + "; see service.tasks() for the failing tasks, then fix the spec and update"
                    + " again, or roll back with service.rollback()"));
            case ROLLBACK_PAUSED -> Optional.of(new ServiceUpdateException(name, u, "The rollback of service '"
                    + name + "' is paused" + msg + "; see service.tasks() for the failing tasks and update the"
                    + " service to a working spec"));
            case ROLLBACK_COMPLETED -> ours ? Optional.of(new ServiceUpdateException(name, u, "The update of service '"
                    + name + "' was rolled back" + msg + "; the service runs its previous spec again; see"
                    + " service.tasks() for why the new tasks failed")) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Per replica slot, the task with the lowest desired state (then lowest observed state), as the CLI picks. */
    static Map<Integer, Task> bySlot(List<Task> tasks, Set<String> activeNodes) {
        Map<Integer, Task> m = new LinkedHashMap<>();
        for (Task t : tasks) {
            if (t.state() == TaskState.UNKNOWN || t.desiredState() == TaskState.UNKNOWN) {
                continue;
            }
            if (t.nodeId().isPresent() && !activeNodes.contains(t.nodeId().get())) {
                continue;
            }
            Task e = m.get(t.slot());
            if (e == null || preferred(t, e)) {
                m.put(t.slot(), t);
            }
        }
        return m;
    }

    /** Per node, the task with the lowest desired state, for global services; nodes that are down do not count. */
    static Map<String, Task> byNode(List<Task> tasks, Set<String> activeNodes) {
        Map<String, Task> m = new LinkedHashMap<>();
        for (Task t : tasks) {
            if (t.state() == TaskState.UNKNOWN || t.desiredState() == TaskState.UNKNOWN || t.nodeId().isEmpty()
                    || !activeNodes.contains(t.nodeId().get())) {
                continue;
            }
            Task e = m.get(t.nodeId().get());
            if (e == null || preferred(t, e)) {
                m.put(t.nodeId().get(), t);
            }
        }
        return m;
    }

    private static boolean preferred(Task t, Task existing) {
        int d = t.desiredState().compareTo(existing.desiredState());
        return d < 0 || d == 0 && t.state().compareTo(existing.state()) < 0;
    }

    private static String describe(String name, int running, int desired, String verb, Optional<UpdateState> update,
                                   List<Task> tasks) {
        Set<String> errors = new HashSet<>();
        String failing = tasks.stream().filter(t -> t.error().isPresent() && errors.add(t.error().get()))
                .limit(3).map(Task::toString).collect(Collectors.joining("; "));
        return "service '" + name + "': " + running + "/" + desired + " tasks " + verb
                + update.map(u -> ", update " + u.wireName()).orElse("")
                + (failing.isEmpty() ? "" : "; " + failing);
    }
}
