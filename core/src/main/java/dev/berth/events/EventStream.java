package dev.berth.events;

import dev.berth.BerthException;
import dev.berth.Subscription;
import dev.berth.internal.BlockingFeed;

import java.time.Duration;
import java.util.Optional;

/** Engine events as a blocking queue; {@link #close()} it to stop receiving. */
public final class EventStream implements AutoCloseable {
    private final BlockingFeed<EngineEvent> feed = new BlockingFeed<>("engine events");
    private volatile Subscription subscription;

    EventStream() {
    }

    void attach(Subscription s) {
        this.subscription = s;
    }

    void offer(EngineEvent e) {
        feed.offer(e);
    }

    void end() {
        feed.end();
    }

    void fail(BerthException failure) {
        feed.fail(failure);
    }

    /**
     * The next event, waiting up to {@code timeout}; empty if none arrived in time, or at once when the stream has
     * {@link #ended()} and every event before the end was taken.
     *
     * @throws dev.berth.EngineUnavailableException once every event before it was taken, if the connection to the
     *                                              engine broke (as {@code docker events} fails with "unexpected EOF")
     */
    public Optional<EngineEvent> next(Duration timeout) {
        return feed.next(timeout);
    }

    /** Whether the stream has ended, because {@code until} passed, the stream was closed or the connection dropped. */
    public boolean ended() {
        return feed.ended();
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
