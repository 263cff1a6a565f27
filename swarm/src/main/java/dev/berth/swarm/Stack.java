package dev.berth.swarm;

import dev.berth.swarm.internal.StackDeployer;
import dev.berth.swarm.internal.StackTranslator;
import dev.berth.swarm.internal.SwarmApi;
import dev.berth.wait.Deadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A handle on a stack: the services, tasks and removal of {@code docker stack services|ps|rm}. */
public final class Stack {
    private final Swarm swarm;
    private final SwarmApi api;
    private final String name;

    Stack(Swarm swarm, SwarmApi api, String name) {
        this.swarm = swarm;
        this.api = api;
        this.name = name;
    }

    /** The stack's name, the prefix of its services' names. */
    public String name() {
        return name;
    }

    /** The stack's services with their status counts ({@code docker stack services}). */
    public List<ServiceInfo> services() {
        return swarm.services().label(StackTranslator.NAMESPACE, name).list();
    }

    /** The stack's tasks ({@code docker stack ps}). */
    public List<Task> tasks() {
        List<Task> out = new ArrayList<>();
        for (Service s : swarm.services().label(StackTranslator.NAMESPACE, name).services()) {
            out.addAll(s.tasks());
        }
        return out;
    }

    /** Waits until every service of the stack has converged, sharing one timeout. */
    public List<ServiceInfo> awaitConverged(Duration timeout) {
        return awaitConverged(Convergence.within(timeout));
    }

    /** Waits until every service of the stack has converged, sharing {@code convergence}'s timeout. */
    public List<ServiceInfo> awaitConverged(Convergence convergence) {
        Objects.requireNonNull(convergence, "convergence");
        Deadline deadline = Deadline.in(convergence.timeout(), convergence.clock());
        List<ServiceInfo> out = new ArrayList<>();
        for (Service s : swarm.services().label(StackTranslator.NAMESPACE, name).services()) {
            Duration left = deadline.remaining();
            out.add(s.awaitConverged(new Convergence(left.isZero() ? Duration.ofMillis(1) : left,
                    convergence.stableFor(), convergence.pollEvery(), convergence.onProgress(), convergence.clock())));
        }
        return out;
    }

    /**
     * Removes the stack ({@code docker stack rm}): its services, then — once their tasks are gone, within
     * {@code timeout} — its secrets, configs and networks. Named volumes stay, as with the CLI.
     */
    public void remove(Duration timeout) {
        new StackDeployer(api).remove(name, timeout);
    }

    @Override
    public String toString() {
        return "Stack[" + name + "]";
    }
}
