package dev.berth.internal;

import java.io.IOException;
import java.io.InputStream;

/** An input stream whose single-byte {@link #read()} goes through its bulk read, the only one subclasses write. */
abstract class BulkInput extends InputStream {
    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
