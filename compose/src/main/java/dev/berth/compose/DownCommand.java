package dev.berth.compose;

import dev.berth.compose.internal.Commands;
import dev.berth.compose.internal.DownOptions;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code docker compose down}, configured fluently; {@link #run()} stops and removes the project's containers in
 * reverse dependency order, then its networks (and volumes and images when asked).
 */
public final class DownCommand {
    private final ComposeProject project;
    private boolean volumes;
    private RemoveImages images;
    private boolean removeOrphans;
    private Duration timeout;
    private Consumer<ComposeEvent> progress;

    DownCommand(ComposeProject project) {
        this.project = project;
    }

    /** Also removes named volumes and the containers' anonymous volumes ({@code -v}). */
    public DownCommand volumes() {
        this.volumes = true;
        return this;
    }

    /** Also removes images ({@code --rmi local|all}). */
    public DownCommand rmi(RemoveImages which) {
        this.images = Objects.requireNonNull(which, "which");
        return this;
    }

    /** Also removes containers of services no longer in the file ({@code --remove-orphans}). */
    public DownCommand removeOrphans() {
        this.removeOrphans = true;
        return this;
    }

    /** Stop timeout before killing ({@code -t}); default each container's own ({@code stop_grace_period}). */
    public DownCommand timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** Receives progress lines as they happen, from any thread. */
    public DownCommand progress(Consumer<ComposeEvent> listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Prints progress to the stream. */
    public DownCommand progress(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return progress(e -> out.println(e));
    }

    /** Tears the project down; blocks until done. */
    public void run() {
        Commands.down(project.engine(), project.project(),
                new DownOptions(volumes, images, removeOrphans, timeout, progress));
    }
}
