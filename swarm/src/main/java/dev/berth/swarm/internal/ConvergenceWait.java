package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.WaitTimeoutException;
import dev.berth.swarm.Convergence;
import dev.berth.swarm.ServiceInfo;
import dev.berth.swarm.ServiceProgress;
import dev.berth.swarm.Task;
import dev.berth.swarm.TaskChange;
import dev.berth.swarm.ServiceUpdateException;
import dev.berth.swarm.TaskState;
import dev.berth.swarm.UpdateState;
import dev.berth.wait.Deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Waits until a service has converged: subscribes to the engine's events first, then re-reads the service and its
 * up-to-date tasks on every relevant event, and at the latest every {@link Convergence#pollEvery()} because task
 * state changes on other nodes reach the manager without an event.
 */
public final class ConvergenceWait {
    private final ServiceOps ops;
    private final String serviceId;
    private final String name;
    private final ConvergenceCheck.Change change;

    /**
     * @param change the caller's own last change through its handle, or null if none
     */
    public ConvergenceWait(ServiceOps ops, String serviceId, String name, ConvergenceCheck.Change change) {
        this.ops = ops;
        this.serviceId = serviceId;
        this.name = name;
        this.change = change;
    }

    /** Blocks until converged and stable; throws on timeout or when the swarm paused or rolled back the update. */
    public ServiceInfo await(Convergence c) {
        Deadline deadline = Deadline.in(c.timeout(), c.clock());
        State state = new State();
        try (Wakeups wakeups = Wakeups.forService(ops.engine(), serviceId)) {
            while (true) {
                if (wakeups.nodesChanged()) {
                    state.activeNodes = ops.activeNodes();
                }
                Instant now = c.clock().instant();
                ConvergenceCheck.Verdict v = check(c, state, now);
                v.failure().ifPresent(f -> {
                    throw withReason(f, state.rollbackReason);
                });
                if (v.done(now)) {
                    return ops.info(serviceId);
                }
                if (deadline.expired()) {
                    throw new WaitTimeoutException(awaited(c), c.timeout(), v.state(), null);
                }
                wakeups.await(min(nextCheck(c, v, now), deadline.remaining()));
            }
        }
    }

    /** What one wait remembers between readings. */
    private static final class State {
        final Map<String, TaskState> seen = new HashMap<>();
        final Map<String, Instant> runningSince = new HashMap<>();
        Set<String> activeNodes = Set.of();
        int lastRunning = -1;
        String rollbackReason;
    }

    /** Reads the service and its up-to-date tasks, reports progress, and judges convergence. */
    private ConvergenceCheck.Verdict check(Convergence c, State state, Instant now) {
        JsonNode service = ops.inspect(serviceId);
        List<Task> tasks = ops.tasks(service, true);
        List<TaskChange> changes = diff(tasks, state.seen, state.runningSince, now);
        ConvergenceCheck.Verdict v = ConvergenceCheck.evaluate(service, tasks, state.activeNodes, state.runningSince,
                change, c.stableFor());
        if (!changes.isEmpty() || v.running() != state.lastRunning) {
            state.lastRunning = v.running();
            c.onProgress().accept(new ServiceProgress(name, v.running(), v.desired(), changes, v.update()));
        }
        Readers.updateStatus(service).filter(u -> u.state() == UpdateState.ROLLBACK_STARTED)
                .filter(u -> !u.message().isEmpty()).ifPresent(u -> state.rollbackReason = u.message());
        return v;
    }

    /** The engine says why it rolled back only while the rollback runs; keep that reason in the final message. */
    private ServiceUpdateException withReason(ServiceUpdateException f, String reason) {
        if (reason == null || f.status().state() != UpdateState.ROLLBACK_COMPLETED) {
            return f;
        }
        return new ServiceUpdateException(name, f.status(), f.getMessage().replace("was rolled back",
                "was rolled back (" + reason + ")"));
    }

    /** The poll interval, or less when the last task becomes stable sooner. */
    private static Duration nextCheck(Convergence c, ConvergenceCheck.Verdict v, Instant now) {
        if (!v.converged()) {
            return c.pollEvery();
        }
        Duration untilStable = Duration.between(now, v.stableAt());
        return untilStable.isNegative() ? Duration.ZERO : min(untilStable, c.pollEvery());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private String awaited(Convergence c) {
        return "service '" + name + "' to converge (every desired task running"
                + (c.stableFor().isZero() ? "" : " for " + c.stableFor().toMillis() + " ms") + ")";
    }

    /** The tasks whose state differs from what was last seen; records when each was first seen running. */
    static List<TaskChange> diff(List<Task> tasks, Map<String, TaskState> seen, Map<String, Instant> runningSince,
                                 Instant now) {
        List<TaskChange> changes = new ArrayList<>();
        for (Task t : tasks) {
            TaskState before = seen.put(t.id(), t.state());
            if (before != t.state()) {
                changes.add(new TaskChange(t, Optional.ofNullable(before)));
            }
            if (t.state() == TaskState.RUNNING) {
                runningSince.putIfAbsent(t.id(), now);
            } else {
                runningSince.remove(t.id());
            }
        }
        return changes;
    }
}
