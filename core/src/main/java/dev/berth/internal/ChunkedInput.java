package dev.berth.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A chunked HTTP/1.1 body ({@code Transfer-Encoding: chunked}) decoded: reads end at the last chunk, after its
 * trailers, leaving the connection positioned at the next response. A read returns what the current chunk has
 * already buffered, so streamed output (logs, events) is seen as soon as it arrives.
 */
final class ChunkedInput extends BulkInput {
    private final InputStream in;
    private long left;
    private boolean ended;
    private boolean first = true;

    ChunkedInput(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (left == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new IOException("the engine closed the connection in the middle of a chunk");
        }
        left -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return ended ? 0 : (int) Math.min(left, in.available());
    }

    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        if (!first) {
            String crlf = EngineHttp.line(in);
            if (crlf == null || !crlf.isEmpty()) {
                throw new IOException("malformed chunked body: expected CRLF after a chunk, got " + crlf);
            }
        }
        first = false;
        String size = EngineHttp.line(in);
        if (size == null) {
            throw new IOException("the engine closed the connection before the last chunk");
        }
        int semi = size.indexOf(';');
        try {
            left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size '" + size + "'", e);
        }
        if (left < 0) {
            throw new IOException("malformed chunk size '" + size + "'");
        }
        if (left == 0) {
            ended = true;
            String trailer;
            do {
                trailer = EngineHttp.line(in);
            } while (trailer != null && !trailer.isEmpty());
            return false;
        }
        return true;
    }
}
