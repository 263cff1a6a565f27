package dev.berth.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.BerthException;
import dev.berth.Subscription;
import dev.berth.internal.Errors;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@code docker logs} request: set {@link #tail}, {@link #since}, {@link #timestamps}, then {@link #fetch()} what
 * is there or {@link #follow(Consumer)} / {@link #open()} to stream new output as it comes.
 */
public final class LogsRequest {
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

    /** Only output since this instant ({@code --since}); whole seconds. */
    public LogsRequest since(Instant since) {
        this.since = Objects.requireNonNull(since, "since");
        return this;
    }

    /** Only output before this instant ({@code --until}); whole seconds. */
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
        List<LogLine> lines = new ArrayList<>();
        LineAssembler assembler = new LineAssembler(timestamps, lines::add);
        try (Callback cb = command(false).exec(new Callback(assembler, () -> { }))) {
            cb.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while fetching logs of '" + container.name() + "'", e);
        } catch (IOException e) {
            throw new BerthException("Cannot read logs of '" + container.name() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", container.name(), "read logs of");
        }
        assembler.flush();
        return new Logs(lines);
    }

    /**
     * Streams output to {@code consumer} on a background thread, starting with what matches {@link #tail}/{@link
     * #since}, until the container stops or the returned subscription is closed. Close it.
     */
    public Subscription follow(Consumer<LogLine> consumer) {
        return follow(consumer, () -> { });
    }

    private Subscription follow(Consumer<LogLine> consumer, Runnable onEnd) {
        Objects.requireNonNull(consumer, "consumer");
        LineAssembler assembler = new LineAssembler(timestamps, consumer);
        Callback cb;
        try {
            cb = command(true).exec(new Callback(assembler, onEnd));
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", container.name(), "follow logs of");
        }
        return () -> {
            try {
                cb.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        };
    }

    /** Streams output into a blocking {@link LogStream}; close it when done. */
    public LogStream open() {
        LogStream stream = new LogStream();
        stream.attach(follow(stream::offer, stream::end));
        return stream;
    }

    private LogContainerCmd command(boolean follow) {
        LogContainerCmd cmd = container.client().logContainerCmd(container.id())
                .withStdOut(stdout).withStdErr(stderr).withFollowStream(follow).withTimestamps(timestamps);
        if (tail != null) {
            cmd.withTail(tail);
        }
        if (since != null) {
            cmd.withSince((int) since.getEpochSecond());
        }
        if (until != null) {
            cmd.withUntil((int) until.getEpochSecond());
        }
        return cmd;
    }

    private static final class Callback extends ResultCallback.Adapter<Frame> {
        private final LineAssembler assembler;
        private final Runnable onEnd;

        Callback(LineAssembler assembler, Runnable onEnd) {
            this.assembler = assembler;
            this.onEnd = onEnd;
        }

        @Override
        public void onNext(Frame frame) {
            LogSource source = frame.getStreamType() == StreamType.STDERR ? LogSource.STDERR : LogSource.STDOUT;
            synchronized (assembler) {
                assembler.accept(source, frame.getPayload());
            }
        }

        @Override
        public void onComplete() {
            synchronized (assembler) {
                assembler.flush();
            }
            onEnd.run();
            super.onComplete();
        }

        @Override
        public void onError(Throwable throwable) {
            synchronized (assembler) {
                assembler.flush();
            }
            onEnd.run();
            super.onError(throwable);
        }
    }
}
