package dev.berth.container;

import dev.berth.wait.Deadline;
import dev.berth.wait.WaitStrategy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code docker run -d}: {@link #run()} creates and starts the container, waits for the strategies, and returns
 * its handle. If starting or waiting fails, the container is removed before the exception is thrown.
 */
public final class DetachedRun {
    private final ContainerLauncher launcher;
    private final ContainerSpec spec;
    private final List<WaitStrategy> waits;
    private final Clock clock;

    DetachedRun(ContainerLauncher launcher, ContainerSpec spec, List<WaitStrategy> waits) {
        this(launcher, spec, waits, Clock.systemUTC());
    }

    private DetachedRun(ContainerLauncher launcher, ContainerSpec spec, List<WaitStrategy> waits, Clock clock) {
        this.launcher = launcher;
        this.spec = spec;
        this.waits = List.copyOf(waits);
        this.clock = clock;
    }

    /** Also waits for this strategy after starting; strategies run in the order given. */
    public DetachedRun waitingFor(WaitStrategy strategy) {
        List<WaitStrategy> all = new ArrayList<>(waits);
        all.add(Objects.requireNonNull(strategy, "strategy"));
        return new DetachedRun(launcher, spec, all, clock);
    }

    /** Measures wait timeouts on this clock instead of the system clock. */
    public DetachedRun clock(Clock clock) {
        return new DetachedRun(launcher, spec, waits, Objects.requireNonNull(clock, "clock"));
    }

    /** The spec this run will start. */
    public ContainerSpec spec() {
        return spec;
    }

    /** Creates, starts and waits; blocks until ready and returns the running container. */
    public Container run() {
        Duration longest = waits.stream().map(WaitStrategy::timeout).reduce(Duration.ZERO,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
        return launcher.start(spec, waits, Deadline.in(longest.multipliedBy(Math.max(1, waits.size())), clock));
    }
}
