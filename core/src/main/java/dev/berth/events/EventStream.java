package dev.berth.events;

import dev.berth.BerthException;
import dev.berth.Subscription;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Engine events as a blocking queue; {@link #close()} it to stop receiving. */
public final class EventStream implements AutoCloseable {
    private final BlockingQueue<EngineEvent> queue = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;

    EventStream() {
    }

    void attach(Subscription s) {
        this.subscription = s;
    }

    void offer(EngineEvent e) {
        queue.add(e);
    }

    /** The next event, waiting up to {@code timeout}; empty if none arrived in time. */
    public Optional<EngineEvent> next(Duration timeout) {
        try {
            return Optional.ofNullable(queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting for engine events", e);
        }
    }

    /** Stops receiving and releases the connection. */
    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
