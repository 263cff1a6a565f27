package dev.berth.container;

import dev.berth.internal.Errors;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A container started with {@code -it}: type into {@link #stdin()}, read the terminal from {@link #stdout()}, and
 * {@link #close()} to remove the container.
 */
public final class InteractiveSession implements AutoCloseable {
    private final Container container;
    private final Attachment attachment;

    InteractiveSession(Container container, Attachment attachment) {
        this.container = container;
        this.attachment = attachment;
    }

    /** The container. */
    public Container container() {
        return container;
    }

    /** The terminal's input; flush after writing. */
    public OutputStream stdin() {
        return attachment.stdin();
    }

    /** The terminal's output (stdout and stderr together, with TTY line endings {@code \r\n}). */
    public InputStream stdout() {
        return attachment.stdout();
    }

    /** Sends end-of-file (as Ctrl-D would at an empty prompt). */
    public void closeStdin() {
        attachment.closeStdin();
    }

    /** Resizes the terminal. */
    public void resize(int rows, int columns) {
        try {
            dev.berth.internal.RawApi.call(container.conn(), "POST", "/containers/" + container.id() + "/resize?h="
                    + rows + "&w=" + columns, null);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", container.name(), "resize the terminal of");
        }
    }

    /** Waits for the container to exit and returns its exit code. */
    public int waitFor(Duration timeout) {
        return container.await(timeout);
    }

    /** Closes the terminal connection and force-removes the container. */
    @Override
    public void close() {
        attachment.close();
        container.close();
    }
}
