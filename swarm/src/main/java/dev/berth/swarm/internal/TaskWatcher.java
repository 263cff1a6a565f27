package dev.berth.swarm.internal;

import dev.berth.NotFoundException;
import dev.berth.Subscription;
import dev.berth.swarm.Convergence;
import dev.berth.swarm.Task;
import dev.berth.swarm.TaskChange;
import dev.berth.swarm.TaskState;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reports every state change of a service's tasks on a background thread, woken by engine events and re-reading at
 * least every {@link Convergence#DEFAULT_POLL}; stops when closed or when the service is removed.
 */
public final class TaskWatcher implements Subscription {
    private final ServiceOps ops;
    private final String serviceId;
    private final Consumer<TaskChange> consumer;
    private final Thread thread;
    private volatile Wakeups wakeups;
    private volatile boolean closed;

    private TaskWatcher(ServiceOps ops, String serviceId, String name, Consumer<TaskChange> consumer) {
        this.ops = ops;
        this.serviceId = serviceId;
        this.consumer = consumer;
        this.thread = new Thread(this::run, "berth-task-watch-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching; the current tasks are reported first (as new), then every change. Returns once the event
     * subscription is in place, so no change after this call is missed.
     */
    public static TaskWatcher start(ServiceOps ops, String serviceId, String name, Consumer<TaskChange> consumer) {
        TaskWatcher w = new TaskWatcher(ops, serviceId, name, consumer);
        w.wakeups = Wakeups.forService(ops.engine(), serviceId);
        w.thread.start();
        return w;
    }

    private void run() {
        Map<String, TaskState> seen = new HashMap<>();
        Map<String, Instant> ignored = new HashMap<>();
        try (Wakeups w = wakeups) {
            while (!closed) {
                List<Task> tasks;
                try {
                    tasks = ops.tasks(ops.inspect(serviceId), false);
                } catch (NotFoundException gone) {
                    return;
                }
                for (TaskChange c : ConvergenceWait.diff(tasks, seen, ignored, Instant.now())) {
                    if (!closed) {
                        consumer.accept(c);
                    }
                }
                w.await(Convergence.DEFAULT_POLL);
            }
        } catch (RuntimeException e) {
            if (!closed) {
                org.slf4j.LoggerFactory.getLogger(TaskWatcher.class).warn("Stopped watching the tasks of service {}: {}",
                        serviceId, e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Wakeups w = wakeups;
        if (w != null) {
            w.close();
        }
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
