package dev.berth.junit.internal;

import dev.berth.BerthException;
import dev.berth.ContainerNotFoundException;
import dev.berth.container.Container;
import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerSpec;
import dev.berth.container.ContainerState;
import dev.berth.container.HealthStatus;
import dev.berth.junit.FixtureException;
import dev.berth.junit.FixtureLogs;
import dev.berth.wait.Deadline;
import dev.berth.wait.Wait;
import dev.berth.wait.WaitStrategy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A {@code @Managed ContainerSpec}: run detached, then ready when running, healthy if it has a health check, serving
 * the awaited ports and having logged the awaited line.
 *
 * @param field     the field's name
 * @param spec      what to run
 * @param ports     container ports that must serve
 * @param logRegex  a line the output must match, or empty
 * @param timeout   how long starting may take
 * @param reuse     whether the field asked for reuse
 * @param dependsOn fields to start first
 */
record ContainerFixture(String field, ContainerSpec spec, List<Integer> ports, String logRegex, Duration timeout,
                        boolean reuse, Set<String> dependsOn) implements Fixture {

    @Override
    public Fixture withDependencies(Set<String> more) {
        return new ContainerFixture(field, spec, ports, logRegex, timeout, reuse, Fixture.union(dependsOn, more));
    }

    @Override
    public Started start(EngineSession session) {
        if (reuse && session.reuseEnabled()) {
            return Reuse.container(session, this);
        }
        Container c;
        try {
            c = session.engine().container(spec).detached().run();
        } catch (BerthException e) {
            throw new FixtureException("Cannot start container fixture '" + field + "': " + e.getMessage(), e);
        }
        awaitReady(c, true);
        return started(c, true);
    }

    /** Waits until the container is ready; on failure attaches its logs and, if {@code owned}, removes it. */
    void awaitReady(Container c, boolean owned) {
        Deadline deadline = Deadline.in(timeout);
        try {
            for (WaitStrategy w : waits()) {
                w.waitUntilReady(c, deadline);
            }
        } catch (RuntimeException e) {
            FixtureException failure = new FixtureException("Container fixture '" + field + "' (" + c.name()
                    + ") did not become ready: " + e.getMessage() + "; its last log lines are attached", e);
            logs(c, 50).forEach(failure::addSuppressed);
            if (owned) {
                try {
                    c.close();
                } catch (RuntimeException suppressed) {
                    failure.addSuppressed(suppressed);
                }
            }
            throw failure;
        }
    }

    /** The handle, stopped gracefully ({@code docker stop}, then removed) unless someone else owns it. */
    Started started(Container c, boolean owned) {
        return new Started(field, c, owned ? () -> stop(c) : () -> { }, lines -> logs(c, lines));
    }

    private List<WaitStrategy> waits() {
        List<WaitStrategy> waits = new java.util.ArrayList<>();
        waits.add(new RunningOrHealthy(timeout));
        for (int port : ports) {
            waits.add(Wait.forPort(port).withTimeout(timeout));
        }
        if (!logRegex.isEmpty()) {
            waits.add(Wait.forLogMessage(logRegex).withTimeout(timeout));
        }
        return waits;
    }

    /** SIGTERM (or the image's stop signal), the grace period, then removal with anonymous volumes. */
    static void stop(Container c) {
        try {
            c.stop();
        } catch (ContainerNotFoundException gone) {
            return; // --rm containers remove themselves
        }
        c.close();
    }

    static List<FixtureLogs> logs(Container c, int lines) {
        try {
            return List.of(new FixtureLogs(c.name(), lines, c.logs().tail(lines).fetch().all()));
        } catch (RuntimeException e) {
            return List.of(new FixtureLogs(c.name(), 0, "(logs unavailable: " + e.getMessage() + ")"));
        }
    }

    /** Ready when running; when the container (or its image) has a health check, when healthy. */
    private record RunningOrHealthy(Duration timeout) implements WaitStrategy {
        @Override
        public void waitUntilReady(Container container, Deadline deadline) {
            ContainerInfo info = container.inspect();
            if (info.state() == ContainerState.EXITED || info.state() == ContainerState.DEAD) {
                throw new BerthException("Container '" + container.name() + "' exited (code " + info.exitCode()
                        + ") right after starting");
            }
            if (info.health() != HealthStatus.NONE) {
                Wait.forHealthy().withTimeout(timeout).waitUntilReady(container, deadline);
            }
        }

        @Override
        public WaitStrategy withTimeout(Duration t) {
            return new RunningOrHealthy(t);
        }

        @Override
        public String describe() {
            return "running, and healthy if it has a health check";
        }
    }
}
