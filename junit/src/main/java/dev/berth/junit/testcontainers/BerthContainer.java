package dev.berth.junit.testcontainers;

import dev.berth.ContainerNotFoundException;
import dev.berth.Docker;
import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.container.DetachedRun;
import dev.berth.wait.WaitStrategy;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Berth container as a Testcontainers {@link Startable}: {@link #start()} starts its dependencies (as
 * Testcontainers' {@code deepStart} does), runs the spec detached and waits; {@link #stop()} stops it gracefully
 * ({@code docker stop}: stop signal, grace period) and removes it. Configuration methods return a new instance; the
 * running state is thread-safe.
 */
public final class BerthContainer implements Startable {
    private final Engine engine;
    private final ContainerSpec spec;
    private final List<WaitStrategy> waits;
    private final Set<Startable> dependencies;
    private final AtomicReference<Container> running = new AtomicReference<>();

    private BerthContainer(Engine engine, ContainerSpec spec, List<WaitStrategy> waits, Set<Startable> dependencies) {
        this.engine = engine;
        this.spec = spec;
        this.waits = List.copyOf(waits);
        this.dependencies = Set.copyOf(dependencies);
    }

    /** A startable for the spec, on the default engine ({@link Docker#engine()}) unless {@link #on(Engine)} says. */
    public static BerthContainer of(ContainerSpec spec) {
        return new BerthContainer(null, Objects.requireNonNull(spec, "spec"), List.of(), Set.of());
    }

    /** The same, on this engine. */
    public BerthContainer on(Engine engine) {
        return new BerthContainer(Objects.requireNonNull(engine, "engine"), spec, waits, dependencies);
    }

    /** The same, also waiting for the strategy after starting. */
    public BerthContainer waitingFor(WaitStrategy strategy) {
        List<WaitStrategy> all = new ArrayList<>(waits);
        all.add(Objects.requireNonNull(strategy, "strategy"));
        return new BerthContainer(engine, spec, all, dependencies);
    }

    /** The same, starting these first. */
    public BerthContainer dependsOn(Startable... others) {
        Set<Startable> all = new LinkedHashSet<>(dependencies);
        for (Startable s : others) {
            all.add(Objects.requireNonNull(s, "startable"));
        }
        return new BerthContainer(engine, spec, waits, all);
    }

    @Override
    public Set<Startable> getDependencies() {
        return dependencies;
    }

    /** Starts the dependencies, then the container, and waits until ready; does nothing if already started. */
    @Override
    public synchronized void start() {
        if (running.get() != null) {
            return;
        }
        if (!dependencies.isEmpty()) {
            Startables.deepStart(dependencies).join();
        }
        DetachedRun run = engine().container(spec).detached();
        for (WaitStrategy w : waits) {
            run = run.waitingFor(w);
        }
        running.set(run.run());
    }

    /** Stops the container gracefully and removes it with its anonymous volumes; does nothing if not started. */
    @Override
    public void stop() {
        Container c = running.getAndSet(null);
        if (c == null) {
            return;
        }
        try {
            c.stop();
        } catch (ContainerNotFoundException gone) {
            return;
        }
        c.close();
    }

    /**
     * The running container.
     *
     * @throws IllegalStateException if not started
     */
    public Container container() {
        Container c = running.get();
        if (c == null) {
            throw new IllegalStateException("BerthContainer of " + spec.image() + " is not started; call start() or"
                    + " declare it as a @Container field");
        }
        return c;
    }

    /** The spec this container runs. */
    public ContainerSpec spec() {
        return spec;
    }

    private Engine engine() {
        return engine != null ? engine : Docker.engine();
    }

    @Override
    public String toString() {
        Container c = running.get();
        return "BerthContainer[" + spec.image() + (c == null ? ", not started" : ", " + c.name()) + "]";
    }
}
