package dev.berth.swarm;

import dev.berth.BerthException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Followed service output as a blocking queue of lines; {@link #close()} it to stop following. */
public final class ServiceLogStream implements AutoCloseable {
    private final BlockingQueue<ServiceLogLine> queue = new LinkedBlockingQueue<>();
    private volatile AutoCloseable connection;

    ServiceLogStream() {
    }

    void attach(AutoCloseable c) {
        this.connection = c;
    }

    void offer(ServiceLogLine line) {
        queue.add(line);
    }

    /** The next line, waiting up to {@code timeout}; empty if none arrived in time. */
    public Optional<ServiceLogLine> next(Duration timeout) {
        try {
            return Optional.ofNullable(queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting for service output", e);
        }
    }

    /** Stops following and releases the connection. */
    @Override
    public void close() {
        AutoCloseable c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }
}
