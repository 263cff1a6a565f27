package dev.berth.wait;

import dev.berth.container.Container;

import java.time.Duration;

/**
 * Decides when a started container is ready. Strategies come from {@link Wait}; each has its own timeout, and a run
 * never waits past the earliest of its own and the caller's deadline.
 */
public interface WaitStrategy {

    /**
     * Blocks until the container is ready.
     *
     * @throws dev.berth.WaitTimeoutException if it is not ready by the deadline, naming what was awaited and the last
     *                                        state seen
     */
    void waitUntilReady(Container container, Deadline deadline);

    /** This strategy's own timeout. */
    Duration timeout();

    /** The same strategy with another timeout. */
    WaitStrategy withTimeout(Duration timeout);

    /** What is awaited, in words, for messages. */
    String describe();
}
