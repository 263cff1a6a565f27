package dev.berth.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A streamed Engine API response (events, stats, logs, progress, archives) on a connection of its own: read the body
 * as bytes ({@link #body()}) or line by line ({@link #nextLine()}), not both. Not thread-safe, except {@link #close()},
 * which ends the stream from any thread.
 */
public final class EngineStream implements AutoCloseable {
    private final EngineSocket socket;
    private final Map<String, String> headers;
    private final InputStream body;
    private volatile boolean closed;

    EngineStream(EngineSocket socket, Map<String, String> headers, InputStream body) {
        this.socket = socket;
        this.headers = headers;
        this.body = new BufferedInputStream(body, 8192);
    }

    /** The response headers, names in lower case. */
    public Map<String, String> headers() {
        return headers;
    }

    /** A header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next line without its terminator; blocks; null when the stream has ended. */
    public String nextLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            int b = body.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    /**
     * The body, transfer encoding decoded; a read blocks until some bytes arrive and returns what has arrived, -1 at
     * the end. Closing it closes the stream.
     */
    public InputStream body() {
        return new java.io.FilterInputStream(body) {
            @Override
            public void close() {
                EngineStream.this.close();
            }
        };
    }

    /** Closes the connection; a reader blocked on the stream gets an end or an error. */
    @Override
    public void close() {
        closed = true;
        socket.close();
    }

    /**
     * Whether {@link #close()} was called: a read that failed after it was ended on purpose; one that failed before it
     * lost the engine.
     */
    public boolean closed() {
        return closed;
    }
}
