package dev.berth.internal;

import java.io.IOException;
import java.io.InputStream;

/** Reads the Engine API's multiplexed stream: 8-byte headers (stream id, 3 zero bytes, big-endian size), then payload. */
public final class Frames {
    private final InputStream in;
    private final boolean raw;
    private final byte[] header = new byte[8];

    /** A frame: stream 0 stdin, 1 stdout, 2 stderr. */
    public record Frame(int stream, byte[] payload) {
    }

    /** Reads from {@code in}; with {@code raw} (a TTY) every read is a stdout frame. */
    public Frames(InputStream in, boolean raw) {
        this.in = in;
        this.raw = raw;
    }

    /** The next frame, or null at end of stream. */
    public Frame next() throws IOException {
        if (raw) {
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            if (n < 0) {
                return null;
            }
            byte[] payload = new byte[n];
            System.arraycopy(buf, 0, payload, 0, n);
            return new Frame(1, payload);
        }
        int got = in.readNBytes(header, 0, 8);
        if (got < 8) {
            return null;
        }
        int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        byte[] payload = in.readNBytes(size);
        if (payload.length < size) {
            return null;
        }
        return new Frame(header[0], payload);
    }
}
