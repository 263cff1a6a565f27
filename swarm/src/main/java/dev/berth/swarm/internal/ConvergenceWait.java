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
        Map<String, TaskState> seen = new HashMap<>();
        Map<String, Instant> runningSince = new HashMap<>();
        Set<String> activeNodes = Set.of();
        int lastRunning = -1;
        String lastState = "service '" + name + "': not read yet";
        String rollbackReason = null;
        try (Wakeups wakeups = Wakeups.forService(ops.engine(), serviceId)) {
            while (true) {
                if (wakeups.nodesChanged()) {
                    activeNodes = ops.activeNodes();
                }
                JsonNode service = ops.inspect(serviceId);
                List<Task> tasks = ops.tasks(service, true);
                Instant now = c.clock().instant();
                List<TaskChange> changes = diff(tasks, seen, runningSince, now);
                ConvergenceCheck.Verdict v = ConvergenceCheck.evaluate(service, tasks, activeNodes, runningSince,
                        change, c.stableFor());
                lastState = v.state();
                if (!changes.isEmpty() || v.running() != lastRunning) {
                    lastRunning = v.running();
                    c.onProgress().accept(new ServiceProgress(name, v.running(), v.desired(), changes, v.update()));
                }
                var status = Readers.updateStatus(service);
                if (status.isPresent() && status.get().state() == UpdateState.ROLLBACK_STARTED
                        && !status.get().message().isEmpty()) {
                    rollbackReason = status.get().message();
                }
                if (v.failure().isPresent()) {
                    ServiceUpdateException f = v.failure().get();
                    if (rollbackReason != null && f.status().state() == UpdateState.ROLLBACK_COMPLETED) {
                        throw new ServiceUpdateException(name, f.status(), f.getMessage().replace("was rolled back",
                                "was rolled back (" + rollbackReason + ")"));
                    }
                    throw f;
                }
                if (v.done(now)) {
                    return ops.info(serviceId);
                }
                if (deadline.expired()) {
                    throw new WaitTimeoutException(awaited(c), c.timeout(), lastState, null);
                }
                Duration wait = c.pollEvery();
                if (v.converged()) {
                    Duration untilStable = Duration.between(now, v.stableAt());
                    if (untilStable.compareTo(wait) < 0) {
                        wait = untilStable.isNegative() ? Duration.ZERO : untilStable;
                    }
                }
                Duration left = deadline.remaining();
                wakeups.await(wait.compareTo(left) < 0 ? wait : left);
            }
        }
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
