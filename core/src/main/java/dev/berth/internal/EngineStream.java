package dev.berth.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A streaming Engine API response (events, stats, progress) on Berth's own client, read line by line. Chunked and
 * unframed bodies are both handled. Not thread-safe; close it to stop the stream.
 */
public final class EngineStream implements AutoCloseable {
    private final EngineSocket socket;
    private final InputStream in;
    private final boolean chunked;
    private final Map<String, String> headers;
    private int chunkLeft;
    private boolean ended;

    EngineStream(EngineSocket socket, Map<String, String> headers) {
        this.socket = socket;
        this.in = socket.in;
        this.headers = headers;
        this.chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
    }

    /** The response headers, names in lower case. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The next line without its terminator; blocks; null when the stream has ended. */
    public String nextLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            int b = read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    private int read() throws IOException {
        if (ended) {
            return -1;
        }
        if (!chunked) {
            int b = in.read();
            ended = b < 0;
            return b;
        }
        if (chunkLeft == 0) {
            String size = EngineHttp.line(in);
            if (size != null && size.isEmpty()) {
                size = EngineHttp.line(in);
            }
            if (size == null) {
                ended = true;
                return -1;
            }
            int semi = size.indexOf(';');
            chunkLeft = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (chunkLeft == 0) {
                ended = true;
                return -1;
            }
        }
        int b = in.read();
        if (b < 0) {
            ended = true;
            return -1;
        }
        chunkLeft--;
        return b;
    }

    /**
     * The body as bytes, chunked transfer decoded; reads block until some bytes arrive and return -1 at the end. For
     * framed streams such as container logs; not to be mixed with {@link #nextLine()}.
     */
    public InputStream body() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return EngineStream.this.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return EngineStream.this.read(b, off, len);
            }
        };
    }

    /** Reads at least one byte (blocking), then whatever else of the current chunk is already buffered. */
    private int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int first = read();
        if (first < 0) {
            return -1;
        }
        b[off] = (byte) first;
        int more = Math.min(len - 1, in.available());
        if (chunked) {
            more = Math.min(more, chunkLeft);
        }
        int got = more > 0 ? in.read(b, off + 1, more) : 0;
        if (got > 0 && chunked) {
            chunkLeft -= got;
        }
        return 1 + Math.max(got, 0);
    }

    /** Closes the connection; a reader blocked in {@link #nextLine()} gets an end or an error. */
    @Override
    public void close() {
        socket.close();
    }
}
