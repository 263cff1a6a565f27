package dev.berth.swarm;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to wait for a service to converge: within a timeout, until every desired task has run for {@code stableFor},
 * reporting progress as tasks change state. Immutable; {@link #within(Duration)} starts one.
 *
 * <p>The wait is driven by the engine's event stream (service, node and container events wake it at once); because
 * the Engine API has no event for task state changes on other nodes, it also re-reads the service's tasks every
 * {@code pollEvery} (200 ms by default, the cadence of {@code docker service create}'s own wait).
 *
 * @param timeout    how long to wait before {@link dev.berth.WaitTimeoutException}
 * @param stableFor  how long each running task must have been running; the docker CLI waits the update monitor
 *                   (5 s) after convergence, Berth 1 s per task by default
 * @param pollEvery  how often tasks are re-read when no event arrives
 * @param onProgress called on the waiting thread with each change
 * @param clock      the clock the timeout and stability run on
 */
public record Convergence(Duration timeout, Duration stableFor, Duration pollEvery, Consumer<ServiceProgress> onProgress,
                          Clock clock) {
    /** The default time each task must have been running to count as stable. */
    public static final Duration DEFAULT_STABLE_FOR = Duration.ofSeconds(1);
    /** The default re-read interval when no event arrives. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(200);

    public Convergence {
        positive(timeout, "timeout");
        Objects.requireNonNull(stableFor, "stableFor");
        if (stableFor.isNegative()) {
            throw new IllegalArgumentException("stableFor must not be negative, was " + stableFor);
        }
        positive(pollEvery, "pollEvery");
        Objects.requireNonNull(onProgress, "onProgress");
        Objects.requireNonNull(clock, "clock");
    }

    /** Waits at most {@code timeout}, with the defaults for the rest. */
    public static Convergence within(Duration timeout) {
        return new Convergence(timeout, DEFAULT_STABLE_FOR, DEFAULT_POLL, p -> { }, Clock.systemUTC());
    }

    /** The same, requiring each task to have run for {@code d} (zero: running is enough). */
    public Convergence stableFor(Duration d) {
        return new Convergence(timeout, d, pollEvery, onProgress, clock);
    }

    /** The same, re-reading tasks every {@code d} when no event arrives. */
    public Convergence pollEvery(Duration d) {
        return new Convergence(timeout, stableFor, d, onProgress, clock);
    }

    /** The same, reporting progress to {@code consumer}. */
    public Convergence onProgress(Consumer<ServiceProgress> consumer) {
        return new Convergence(timeout, stableFor, pollEvery, consumer, clock);
    }

    /** The same, on another clock (tests). */
    public Convergence clock(Clock clock) {
        return new Convergence(timeout, stableFor, pollEvery, onProgress, clock);
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }
}
