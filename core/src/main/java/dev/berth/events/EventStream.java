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
    private static final EngineEvent END = new EngineEvent("", "", "", java.util.Map.of(), java.time.Instant.EPOCH);
    private final BlockingQueue<EngineEvent> queue = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;
    private volatile boolean ended;

    EventStream() {
    }

    void attach(Subscription s) {
        this.subscription = s;
    }

    void offer(EngineEvent e) {
        queue.add(e);
    }

    void end() {
        queue.add(END);
    }

    /**
     * The next event, waiting up to {@code timeout}; empty if none arrived in time, or at once when the stream has
     * {@link #ended()} and every event before the end was taken.
     */
    public Optional<EngineEvent> next(Duration timeout) {
        if (ended) {
            return Optional.empty();
        }
        try {
            EngineEvent e = queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            if (e == END) {
                ended = true;
                return Optional.empty();
            }
            return Optional.ofNullable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting for engine events", e);
        }
    }

    /** Whether the stream has ended, because {@code until} passed, the stream was closed or the connection dropped. */
    public boolean ended() {
        return ended;
    }

    /** Stops receiving and releases the connection; idempotent. */
    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
