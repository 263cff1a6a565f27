package dev.berth.compose;

import dev.berth.compose.internal.LogMux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code docker compose logs}: {@link #fetch()} returns what was written so far; {@link #follow(Consumer)} streams
 * until every container has stopped.
 */
public final class LogsCommand {
    private final ComposeProject project;
    private final List<String> services = new ArrayList<>();
    private Integer tail;
    private boolean timestamps;

    LogsCommand(ComposeProject project) {
        this.project = project;
    }

    /** Only these services' containers. */
    public LogsCommand services(String... names) {
        for (String n : names) {
            project.requireService(Objects.requireNonNull(n, "service"));
            services.add(n);
        }
        return this;
    }

    /** Only the last {@code lines} lines of each container ({@code --tail}). */
    public LogsCommand tail(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("tail must not be negative, was " + lines);
        }
        this.tail = lines;
        return this;
    }

    /** Includes the engine's timestamps ({@code -t}); lines are then ordered by time across containers. */
    public LogsCommand timestamps() {
        this.timestamps = true;
        return this;
    }

    /** The output written so far; blocks until read. */
    public List<ComposeLogLine> fetch() {
        return LogMux.fetch(project.ps(services, true), tail, timestamps);
    }

    /** Streams output to {@code consumer} ({@code -f}); blocks until all containers stop or the thread is interrupted. */
    public void follow(Consumer<ComposeLogLine> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        LogMux.follow(project.ps(services, true), tail, timestamps, consumer);
    }
}
