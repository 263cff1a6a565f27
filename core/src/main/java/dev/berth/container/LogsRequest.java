package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.Subscription;
import dev.berth.internal.EngineStream;
import dev.berth.internal.Errors;
import dev.berth.internal.FrameLines;
import dev.berth.internal.RawApi;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code docker logs} request: set {@link #tail}, {@link #since}, {@link #timestamps}, then {@link #fetch()} what
 * is there or {@link #follow(Consumer)} / {@link #open()} to stream new output as it comes.
 */
public final class LogsRequest {
    private static final Logger LOG = LoggerFactory.getLogger(LogsRequest.class);
    private final Container container;
    private Integer tail;
    private Instant since;
    private Instant until;
    private boolean timestamps;
    private boolean stdout = true;
    private boolean stderr = true;

    LogsRequest(Container container) {
        this.container = container;
    }

    /** Only the last {@code lines} lines ({@code --tail}). */
    public LogsRequest tail(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("tail must not be negative, was " + lines);
        }
        this.tail = lines;
        return this;
    }

    /** Only output since this instant ({@code --since}), to the nanosecond. */
    public LogsRequest since(Instant since) {
        this.since = Objects.requireNonNull(since, "since");
        return this;
    }

    /** Only output up to this instant ({@code --until}), to the nanosecond. */
    public LogsRequest until(Instant until) {
        this.until = Objects.requireNonNull(until, "until");
        return this;
    }

    /** Includes the engine's timestamp on each line ({@code --timestamps}). */
    public LogsRequest timestamps() {
        this.timestamps = true;
        return this;
    }

    /** Only stdout. */
    public LogsRequest stdoutOnly() {
        this.stdout = true;
        this.stderr = false;
        return this;
    }

    /** Only stderr. */
    public LogsRequest stderrOnly() {
        this.stdout = false;
        this.stderr = true;
        return this;
    }

    /** Returns the output written so far; blocks until the engine has sent it. */
    public Logs fetch() {
        boolean tty = tty();
        List<LogLine> lines = new ArrayList<>();
        try (EngineStream s = open(false)) {
            FrameLines.pump(s.body(), tty, timestamps, sink(lines::add));
        } catch (IOException e) {
            throw new BerthException("Cannot read logs of '" + container.name() + "': " + e.getMessage()
                    + "; check that the engine is still running", e);
        }
        return new Logs(lines);
    }

    /**
     * Streams output to {@code consumer} on a background thread, starting with what matches {@link #tail}/{@link
     * #since}, until the container stops or the returned subscription is closed. Close it. If the connection to the
     * engine breaks (the engine was killed), the stream ends and the failure is logged; use
     * {@link #follow(Consumer, Consumer)} to handle it.
     */
    public Subscription follow(Consumer<LogLine> consumer) {
        return follow(consumer, failure -> LOG.warn("{}", failure.getMessage()));
    }

    /**
     * As {@link #follow(Consumer)}, and if the connection to the engine breaks before the container stopped or the
     * subscription was closed, {@code onFailure} gets an {@link dev.berth.EngineUnavailableException} on the reading
     * thread (as {@code docker logs -f} fails with "unexpected EOF" when the engine is killed; an engine that is
     * stopped stops the container first, which ends the stream normally).
     */
    public Subscription follow(Consumer<LogLine> consumer, Consumer<? super BerthException> onFailure) {
        Objects.requireNonNull(onFailure, "onFailure");
        return follow(consumer, onFailure, () -> { });
    }

    private Subscription follow(Consumer<LogLine> consumer, Consumer<? super BerthException> onFailure,
                                Runnable onEnd) {
        Objects.requireNonNull(consumer, "consumer");
        boolean tty = tty();
        EngineStream s = open(true);
        Thread reader = new Thread(() -> {
            BerthException failure = null;
            try {
                FrameLines.pump(s.body(), tty, timestamps, sink(consumer));
            } catch (IOException e) {
                if (!s.closed()) {
                    failure = Errors.lost(container.engine().config().host(),
                            "following the logs of container '" + container.name() + "'", e);
                }
            } finally {
                s.close();
                if (failure != null) {
                    onFailure.accept(failure);
                }
                onEnd.run();
            }
        }, "berth-logs-" + container.name());
        reader.setDaemon(true);
        reader.start();
        return s::close;
    }

    /** Streams output into a blocking {@link LogStream}; close it when done. */
    public LogStream open() {
        LogStream stream = new LogStream();
        stream.attach(follow(stream::offer, stream::fail, stream::end));
        return stream;
    }

    /** Log lines of stream 1 and 2 as stdout and stderr. */
    static FrameLines.Sink sink(Consumer<LogLine> consumer) {
        return (stream, text, ts) -> consumer.accept(new LogLine(stream == 2 ? LogSource.STDERR : LogSource.STDOUT,
                text, ts));
    }

    /** {@code GET /containers/ID/logs} on Berth's own client, with since/until to the nanosecond as the CLI sends them. */
    private EngineStream open(boolean follow) {
        StringBuilder path = new StringBuilder("/containers/").append(RawApi.q(container.id())).append("/logs?stdout=")
                .append(stdout ? 1 : 0).append("&stderr=").append(stderr ? 1 : 0);
        if (follow) {
            path.append("&follow=1");
        }
        if (timestamps) {
            path.append("&timestamps=1");
        }
        path.append("&tail=").append(tail == null ? "all" : tail.toString());
        if (since != null) {
            path.append("&since=").append(unixTime(since));
        }
        if (until != null) {
            path.append("&until=").append(unixTime(until));
        }
        try {
            return RawApi.openStream(container.conn(), path.toString());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", container.name(), follow ? "follow logs of" : "read logs of");
        }
    }

    /** Whether the container has a TTY: then the engine sends its output raw instead of in stdout/stderr frames. */
    private boolean tty() {
        try {
            JsonNode info = RawApi.call(container.conn(), "GET", "/containers/" + RawApi.q(container.id()) + "/json",
                    null).json();
            return info.path("Config").path("Tty").asBoolean(false);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", container.name(), "read logs of");
        }
    }

    /** {@code SECONDS.NANOSECONDS}, the Engine API's form of a point in time for since/until. */
    static String unixTime(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }
}
