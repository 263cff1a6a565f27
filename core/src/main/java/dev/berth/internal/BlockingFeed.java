package dev.berth.internal;

import dev.berth.BerthException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queue behind Berth's blocking streams (followed logs, events): a reader thread offers items, then either ends
 * the feed or fails it; the consumer takes items in order and, after the last one, sees the end or the failure.
 * Thread-safe for one producer and one consumer.
 *
 * @param <T> the item type
 */
public final class BlockingFeed<T> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final String what;
    private volatile boolean ended;

    /** {@code what} names the stream in the message of an interrupted wait, e.g. "container output". */
    public BlockingFeed(String what) {
        this.what = what;
    }

    /** Queues an item. */
    public void offer(T item) {
        queue.add(item);
    }

    /** Ends the feed after the items queued so far. */
    public void end() {
        queue.add(END);
    }

    /** Fails the feed after the items queued so far: {@link #next} then throws {@code failure}, once. */
    public void fail(BerthException failure) {
        queue.add(failure);
        queue.add(END);
    }

    /**
     * The next item, waiting up to {@code timeout}; empty if none arrived in time or the feed has ended.
     *
     * @throws BerthException the failure the feed ended with, when every item before it has been taken
     */
    @SuppressWarnings("unchecked")
    public Optional<T> next(Duration timeout) {
        if (ended) {
            return Optional.empty();
        }
        Object o;
        try {
            o = queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting for " + what, e);
        }
        if (o == END) {
            ended = true;
            return Optional.empty();
        }
        if (o instanceof BerthException failure) {
            throw failure;
        }
        return Optional.ofNullable((T) o);
    }

    /** Whether the feed has ended and every item before the end has been taken. */
    public boolean ended() {
        return ended;
    }
}
