package dev.berth.swarm;

import dev.berth.Subscription;
import dev.berth.swarm.internal.LogReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@code docker service logs} request, for a whole service or one task: set {@link #tail}, {@link #since},
 * {@link #timestamps}, then {@link #fetch()} what is there or {@link #follow(Consumer)} / {@link #open()} to stream
 * new output. Works with the json-file, local and journald log drivers, as the engine requires.
 */
public final class ServiceLogsRequest {
    private final LogReader reader;
    private Integer tail;
    private Instant since;
    private boolean timestamps;

    ServiceLogsRequest(LogReader reader) {
        this.reader = reader;
    }

    /** Only the last {@code lines} lines of each task ({@code --tail}). */
    public ServiceLogsRequest tail(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("tail must not be negative, was " + lines);
        }
        this.tail = lines;
        return this;
    }

    /** Only output since this instant ({@code --since}). */
    public ServiceLogsRequest since(Instant since) {
        this.since = Objects.requireNonNull(since, "since");
        return this;
    }

    /** Includes the engine's timestamps ({@code --timestamps}). */
    public ServiceLogsRequest timestamps() {
        this.timestamps = true;
        return this;
    }

    /** Returns the output written so far; blocks until the engine has sent it. */
    public List<ServiceLogLine> fetch() {
        List<ServiceLogLine> lines = new ArrayList<>();
        reader.read(query(false), timestamps, lines::add);
        return lines;
    }

    /** Streams output to {@code consumer} on a background thread until the subscription is closed. Close it. */
    public Subscription follow(Consumer<ServiceLogLine> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        AutoCloseable c = reader.follow(query(true), timestamps, consumer);
        return () -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        };
    }

    /** Streams output into a blocking {@link ServiceLogStream}; close it when done. */
    public ServiceLogStream open() {
        ServiceLogStream s = new ServiceLogStream();
        s.attach(reader.follow(query(true), timestamps, s::offer));
        return s;
    }

    private String query(boolean follow) {
        StringBuilder q = new StringBuilder("?stdout=true&stderr=true&details=true");
        if (follow) {
            q.append("&follow=true");
        }
        if (timestamps) {
            q.append("&timestamps=true");
        }
        q.append("&tail=").append(tail == null ? "all" : tail.toString());
        if (since != null) {
            q.append("&since=").append(since.getEpochSecond()).append('.')
                    .append(String.format("%09d", since.getNano()));
        }
        return q.toString();
    }
}
