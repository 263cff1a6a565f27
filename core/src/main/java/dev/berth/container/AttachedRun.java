package dev.berth.container;

import dev.berth.internal.FrameLines;
import dev.berth.BerthException;
import dev.berth.internal.Errors;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A {@code docker run} in the foreground: {@link #run()} streams the container's output to a consumer (by default
 * this process's stdout and stderr), waits for it to exit and returns the exit code. The container is removed after it
 * exits, as with {@code --rm}, unless {@link #keep()} is set. Interrupting the calling thread stops the container.
 */
public final class AttachedRun {
    private final ContainerLauncher launcher;
    private final ContainerSpec spec;
    private final Consumer<LogLine> output;
    private final boolean keep;

    AttachedRun(ContainerLauncher launcher, ContainerSpec spec, Consumer<LogLine> output) {
        this(launcher, spec, output, false);
    }

    private AttachedRun(ContainerLauncher launcher, ContainerSpec spec, Consumer<LogLine> output, boolean keep) {
        this.launcher = launcher;
        this.spec = spec;
        this.output = output;
        this.keep = keep;
    }

    /** Sends each output line to this consumer instead of the console; it is called from a background thread. */
    public AttachedRun output(Consumer<LogLine> consumer) {
        return new AttachedRun(launcher, spec, Objects.requireNonNull(consumer, "consumer"), keep);
    }

    /** Keeps the exited container instead of removing it. */
    public AttachedRun keep() {
        return new AttachedRun(launcher, spec, output, true);
    }

    /** Creates, starts and follows the container until it exits; returns its exit code. */
    public int run() {
        Consumer<LogLine> sink = output != null ? output : AttachedRun::toConsole;
        Container c = launcher.create(spec);
        Attachment attachment = null;
        try {
            attachment = Attachment.open(c, spec.tty(), false, false);
            CompletableFuture<Void> out = pump(attachment.stdout(), LogSource.STDOUT, sink);
            CompletableFuture<Void> err = pump(attachment.stderr(), LogSource.STDERR, sink);
            CompletableFuture<Integer> exit;
            try {
                c.start();
                exit = CompletableFuture.supplyAsync(c::await);
            } catch (RuntimeException e) {
                if (!Thread.interrupted()) {
                    throw e;
                }
                // Interrupted while the engine started it: the engine may have started it all the same.
                throw interrupted(c, e);
            }
            int code;
            try {
                code = exit.get();
            } catch (InterruptedException e) {
                throw interrupted(c, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new BerthException(Errors.rootMessage(e), e);
            }
            attachment.awaitOutputEnd(Duration.ofSeconds(5));
            out.join();
            err.join();
            return code;
        } finally {
            // With the interrupt status set, every engine call would fail at once: clean up without it, then restore it.
            boolean interrupted = Thread.interrupted();
            try {
                if (attachment != null) {
                    attachment.close();
                }
                if (!keep) {
                    c.close();
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static CompletableFuture<Void> pump(InputStream in, LogSource source, Consumer<LogLine> sink) {
        FrameLines lines = new FrameLines(false, LogsRequest.sink(sink));
        return CompletableFuture.runAsync(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    byte[] chunk = new byte[n];
                    System.arraycopy(buf, 0, chunk, 0, n);
                    lines.accept(source == LogSource.STDERR ? 2 : 1, chunk);
                }
            } catch (IOException ended) {
                // output ended
            }
            lines.flush();
        });
    }

    /**
     * Stops the container of a run whose thread was interrupted (its interrupt status cleared, so that the stop call
     * is not itself cut short), sets the status again and returns the exception to throw.
     */
    private static BerthException interrupted(Container c, Exception cause) {
        stopQuietly(c);
        Thread.currentThread().interrupt();
        return new BerthException("Interrupted while running '" + c.name() + "'; the container was stopped", cause);
    }

    private static void stopQuietly(Container c) {
        try {
            c.stop();
        } catch (RuntimeException ignored) {
            // best effort: the container may already be gone
        }
    }

    private static void toConsole(LogLine line) {
        (line.source() == LogSource.STDERR ? System.err : System.out).println(line.text());
    }
}
