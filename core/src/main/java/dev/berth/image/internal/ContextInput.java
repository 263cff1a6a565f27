package dev.berth.image.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A build context on its way to the engine, whose read failures are told apart from a broken connection: a context
 * file that cannot be read is the caller's to fix, an engine that went away is not.
 */
final class ContextInput extends FilterInputStream {
    /** Reading or packing the build context failed. */
    static final class ReadFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    ContextInput(InputStream context) {
        super(context);
    }

    @Override
    public int read() {
        try {
            return super.read();
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }
}
