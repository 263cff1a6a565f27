package dev.berth;

/** A running stream (logs, events, attach); closing it stops delivery and releases the connection. */
public interface Subscription extends AutoCloseable {
    /** Stops the stream; idempotent, never throws. */
    @Override
    void close();
}
