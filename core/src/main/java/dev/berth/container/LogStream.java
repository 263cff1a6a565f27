package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.Subscription;
import dev.berth.internal.BlockingFeed;

import java.time.Duration;
import java.util.Optional;

/** Followed container output as a blocking queue of lines; {@link #close()} it to stop following. */
public final class LogStream implements AutoCloseable {
    private final BlockingFeed<LogLine> feed = new BlockingFeed<>("container output");
    private volatile Subscription subscription;

    LogStream() {
    }

    void attach(Subscription s) {
        this.subscription = s;
    }

    void offer(LogLine line) {
        feed.offer(line);
    }

    void end() {
        feed.end();
    }

    void fail(BerthException failure) {
        feed.fail(failure);
    }

    /** Whether the stream has ended (the container stopped) and every line has been read. */
    public boolean isEnded() {
        return feed.ended();
    }

    /**
     * The next line, waiting up to {@code timeout}; empty if none arrived in time or the stream has ended.
     *
     * @throws dev.berth.EngineUnavailableException once every line before it was read, if the connection to the
     *                                              engine broke (the engine stopped or crashed)
     */
    public Optional<LogLine> next(Duration timeout) {
        return feed.next(timeout);
    }

    /** Stops following and releases the connection. */
    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
