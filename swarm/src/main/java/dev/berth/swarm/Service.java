package dev.berth.swarm;

import dev.berth.Subscription;
import dev.berth.swarm.internal.ConvergenceCheck;
import dev.berth.swarm.internal.ConvergenceWait;
import dev.berth.swarm.internal.LogReader;
import dev.berth.swarm.internal.ServiceOps;
import dev.berth.swarm.internal.SwarmApi;
import dev.berth.swarm.internal.TaskWatcher;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A handle on a swarm service: its id and name, and the verbs of {@code docker service}. Thread-safe; every method does
 * I/O on the manager it came from.
 *
 * <pre>{@code
 * Service web = swarm.service("nginx:1.25").name("web").replicas(2).publish(8080, 80).create();
 * web.awaitConverged(Duration.ofMinutes(1));
 * web.scale(5).awaitConverged(Duration.ofMinutes(1));
 * web.update(s -> s.image("nginx:1.27")).awaitConverged(Duration.ofMinutes(2)); // throws if rolled back
 * }</pre>
 */
public final class Service {
    private final SwarmApi api;
    private final ServiceOps ops;
    private final String id;
    private final String name;
    private volatile ConvergenceCheck.Change lastChange;

    Service(SwarmApi api, String id, String name) {
        this.api = api;
        this.ops = new ServiceOps(api);
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The service's id. */
    public String id() {
        return id;
    }

    /** The service's name. */
    public String name() {
        return name;
    }

    /** The service as {@code docker service inspect} shows it, with running/desired task counts. */
    public ServiceInfo inspect() {
        return ops.info(id);
    }

    /** The current spec. */
    public ServiceSpec spec() {
        return ops.spec(id);
    }

    /**
     * Changes the spec ({@code docker service update}): {@code change} gets a builder holding the current spec; the
     * result is sent with the version it was read at. If another client updated the service in between, the change is
     * applied again to the new spec (up to 5 times). Fields Berth does not model are kept. Returns without waiting;
     * chain {@link #awaitConverged(Duration)}.
     */
    public Service update(UnaryOperator<ServiceSpec.Builder> change) {
        Objects.requireNonNull(change, "change");
        lastChange = ops.change(id, name, spec -> change.apply(spec.toBuilder()).build());
        return this;
    }

    /**
     * Replaces the spec if the service is still at {@code version} (from {@link ServiceInfo#version()}): the version
     * handshake. Fields Berth does not model are kept.
     *
     * @throws dev.berth.ConflictException if the service changed since that version
     */
    public Service update(ServiceSpec spec, long version) {
        Objects.requireNonNull(spec, "spec");
        lastChange = ops.replace(id, name, spec, version);
        return this;
    }

    /**
     * Sets the number of replicas ({@code docker service scale}); for a replicated job, the number of completions.
     *
     * @throws dev.berth.BerthException for global services, which run one task per node
     */
    public Service scale(int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
        }
        lastChange = ops.scale(id, name, replicas);
        return this;
    }

    /**
     * Rolls back to the previous spec ({@code docker service rollback}): the Engine API's {@code rollback=previous},
     * which docker-java does not offer.
     *
     * @throws dev.berth.BerthException if the service has never been updated
     */
    public Service rollback() {
        lastChange = ops.rollback(id, name);
        return this;
    }

    /** Replaces every task even though the spec did not change ({@code docker service update --force}). */
    public Service forceUpdate() {
        lastChange = ops.forceUpdate(id, name);
        return this;
    }

    /** Removes the service ({@code docker service rm}); its tasks stop in the background. */
    public void remove() {
        ops.remove(id, name);
    }

    /** The service's tasks, current and historic ({@code docker service ps}), by slot then newest first. */
    public List<Task> tasks() {
        return ops.tasks(ops.inspect(id), false);
    }

    /** The service's output, from all its tasks ({@code docker service logs}). */
    public ServiceLogsRequest logs() {
        return new ServiceLogsRequest(new LogReader(api, "/services/" + id + "/logs", tty(), "service", name));
    }

    /** The output of one of its tasks ({@code docker service logs TASK}). */
    public ServiceLogsRequest logs(Task task) {
        Objects.requireNonNull(task, "task");
        return new ServiceLogsRequest(new LogReader(api, "/tasks/" + task.id() + "/logs", tty(), "task",
                task.name()));
    }

    /** Waits until converged (see {@link Convergence}) within {@code timeout}; returns the service as then. */
    public ServiceInfo awaitConverged(Duration timeout) {
        return awaitConverged(Convergence.within(timeout));
    }

    /**
     * Blocks until every desired task runs and has been running for {@code stableFor} (jobs: until complete), reporting
     * progress as tasks change. After an update through this handle, a rollback or pause of that update throws (once:
     * a later wait judges the service as it then is).
     *
     * @throws dev.berth.WaitTimeoutException with the last state seen, if the timeout passes
     * @throws ServiceUpdateException if the swarm paused or rolled back this handle's update
     */
    public ServiceInfo awaitConverged(Convergence convergence) {
        Objects.requireNonNull(convergence, "convergence");
        ConvergenceCheck.Change change = lastChange;
        try {
            ServiceInfo info = new ConvergenceWait(ops, id, name, change).await(convergence);
            settle(change);
            return info;
        } catch (ServiceUpdateException e) {
            settle(change);
            throw e;
        }
    }

    /** Once a wait has reported the outcome of a change, later waits no longer judge the service by it. */
    private synchronized void settle(ConvergenceCheck.Change change) {
        if (lastChange == change) {
            lastChange = null;
        }
    }

    /**
     * Reports every state change of the service's tasks — new replicas, failures, replacements — on a background
     * thread, starting with the current tasks. Close the subscription to stop.
     */
    public Subscription watch(Consumer<TaskChange> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return TaskWatcher.start(ops, id, name, consumer);
    }

    private boolean tty() {
        return ops.tty(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Service s && s.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Service[" + name + ", " + id + "]";
    }
}
