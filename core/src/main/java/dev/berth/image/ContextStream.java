package dev.berth.image;

import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * A build context tar being packed on a background thread as it is read; must be closed. A packing failure
 * surfaces from {@code read} as an {@link java.io.IOException} whose cause says what went wrong.
 */
public final class ContextStream extends FilterInputStream {
    private final String dockerfile;

    ContextStream(InputStream archive, String dockerfile) {
        super(archive);
        this.dockerfile = dockerfile;
    }

    /** The Dockerfile's path inside the archive: the value of the {@code dockerfile} build parameter. */
    public String dockerfile() {
        return dockerfile;
    }
}
