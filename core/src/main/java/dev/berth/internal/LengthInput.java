package dev.berth.internal;

import java.io.IOException;
import java.io.InputStream;

/** A body of known length ({@code Content-Length}): reads end after that many bytes; an early end is an error. */
final class LengthInput extends BulkInput {
    private final InputStream in;
    private long left;

    LengthInput(InputStream in, long length) {
        this.in = in;
        this.left = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (left == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new IOException("the engine closed the connection " + left + " bytes before the end of the response");
        }
        left -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(left, in.available());
    }
}
