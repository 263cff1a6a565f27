package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.Subscription;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Followed container output as a blocking queue of lines; {@link #close()} it to stop following. */
public final class LogStream implements AutoCloseable {
    private static final LogLine END = new LogLine(LogSource.STDOUT, "", Optional.empty());
    private final BlockingQueue<LogLine> queue = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;
    private volatile boolean ended;

    LogStream() {
    }

    void attach(Subscription s) {
        this.subscription = s;
    }

    void offer(LogLine line) {
        queue.add(line);
    }

    void end() {
        queue.add(END);
    }

    /** Whether the stream has ended (the container stopped) and every line has been read. */
    public boolean isEnded() {
        return ended;
    }

    /** The next line, waiting up to {@code timeout}; empty if none arrived in time or the stream has ended. */
    public Optional<LogLine> next(Duration timeout) {
        if (ended) {
            return Optional.empty();
        }
        try {
            LogLine line = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (line == END) {
                ended = true;
                return Optional.empty();
            }
            return Optional.ofNullable(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting for container output", e);
        }
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
