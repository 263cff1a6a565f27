package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.internal.Errors;
import dev.berth.internal.Frames;
import dev.berth.internal.Hijack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A live connection to a process's stdin, stdout and stderr (a container's main process or an exec), shaped like
 * {@link Process}: write to {@link #stdin()}, read {@link #stdout()} and {@link #stderr()}. With a TTY all output
 * arrives on stdout. Must be closed.
 */
public class Attachment implements AutoCloseable {
    private final Hijack hijack;
    private final ChunkInputStream stdout = new ChunkInputStream();
    private final ChunkInputStream stderr = new ChunkInputStream();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final String what;

    Attachment(Hijack hijack, boolean tty, String what) {
        this.hijack = hijack;
        this.what = what;
        Thread pump = new Thread(() -> pump(new Frames(hijack.input(), tty)), "berth-attach-" + what);
        pump.setDaemon(true);
        pump.start();
    }

    static Attachment open(Container c, boolean tty, boolean stdin, boolean logs) {
        String path = "/containers/" + c.id() + "/attach?stream=1&stdout=1&stderr=1" + (stdin ? "&stdin=1" : "")
                + (logs ? "&logs=1" : "");
        try {
            return new Attachment(Hijack.post(c.conn(), path, null), tty, c.name());
        } catch (IOException e) {
            throw new BerthException("Cannot attach to '" + c.name() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", c.name(), "attach to");
        }
    }

    private void pump(Frames frames) {
        try {
            Frames.Frame f;
            while ((f = frames.next()) != null) {
                (f.stream() == 2 ? stderr : stdout).feed(f.payload());
            }
        } catch (IOException closed) {
            // the connection ended: treat as end of output
        } finally {
            stdout.end();
            stderr.end();
            ended.countDown();
        }
    }

    /** The process's stdin; write and flush, then {@link #closeStdin()} to send end-of-file. */
    public OutputStream stdin() {
        return hijack.output();
    }

    /** Sends end-of-file to the process's stdin; output keeps flowing. */
    public void closeStdin() {
        try {
            hijack.closeWrite();
        } catch (IOException e) {
            throw new BerthException("Cannot close stdin of " + what + ": " + e.getMessage(), e);
        }
    }

    /** The process's stdout (everything, with a TTY); ends when the process ends or the attachment closes. */
    public InputStream stdout() {
        return stdout;
    }

    /** The process's stderr; empty with a TTY. */
    public InputStream stderr() {
        return stderr;
    }

    /** Waits until the output streams have ended; returns false if they had not ended within the timeout. */
    public boolean awaitOutputEnd(Duration timeout) {
        try {
            return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting for the output of " + what + " to end", e);
        }
    }

    /** Closes the connection; the process keeps running. */
    @Override
    public void close() {
        hijack.close();
    }
}
