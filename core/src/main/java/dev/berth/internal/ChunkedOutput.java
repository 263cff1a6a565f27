package dev.berth.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a request body chunked ({@code Transfer-Encoding: chunked}), one chunk per write of at most 64 KB;
 * {@link #close()} sends the last chunk and flushes, leaving the connection open for the response.
 */
final class ChunkedOutput extends OutputStream {
    private static final int MAX_CHUNK = 64 * 1024;
    private final OutputStream out;
    private boolean closed;

    ChunkedOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            int n = Math.min(len, MAX_CHUNK);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, off, n);
            out.write('\r');
            out.write('\n');
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
