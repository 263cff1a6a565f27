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

    /** Closes the connection; a reader blocked in {@link #nextLine()} gets an end or an error. */
    @Override
    public void close() {
        socket.close();
    }
}
