package dev.berth.internal;

import dev.berth.EngineConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Berth's one HTTP/1.1 client for the Engine API: whole calls on pooled keep-alive connections, streamed request and
 * response bodies, and hijacked ({@code Upgrade: tcp}) connections for attach and exec. Thread-safe.
 *
 * <p>Hand-written for a measured speed goal (issue 2 and 14, docs/benchmarks.md): a program's first container costs
 * no HTTP library start-up, and a call adds nothing measurable to the engine's own time.
 *
 * <p>Timeouts: connecting is bounded by {@link EngineConfig#connectTimeout()}; reads of whole calls by
 * {@link EngineConfig#readTimeout()} (none by default, as the docker CLI) or a per-call limit; streams never time out
 * by themselves. A pooled connection is checked before reuse, so one the engine has closed (e.g. after an engine
 * restart) is dropped, and an idempotent call that finds its reused connection dead without any answer is sent once
 * more on a fresh one.
 */
public final class EngineHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineHttp.class);
    private static final int MAX_IDLE = 8;
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private final EngineConfig config;
    private final ConcurrentLinkedDeque<EngineSocket> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * A finished call.
     *
     * @param status  HTTP status
     * @param headers response headers, names in lower case
     * @param body    response body
     */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A header value by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public EngineHttp(EngineConfig config) {
        this.config = config;
    }

    /** Sends one request (path with any version prefix and query) and reads the whole reply, within the configured read timeout. */
    public Reply call(String method, String path, byte[] jsonBody) throws IOException {
        return call(method, path, Map.of(), jsonBody, config.readTimeout().toMillis());
    }

    /**
     * Sends one request and reads the whole reply; {@code readTimeoutMillis} limits each wait for data (0: none).
     *
     * @throws java.net.SocketTimeoutException when the engine sends nothing for that long
     */
    public Reply call(String method, String path, Map<String, String> headers, byte[] body, long readTimeoutMillis)
            throws IOException {
        EngineSocket s = pooled();
        boolean reused = s != null;
        if (s == null) {
            s = EngineSocket.open(config);
        }
        try {
            s.readTimeout(readTimeoutMillis);
            writeHead(s.out, method, path, headers, body == null ? -1 : body.length, false);
            if (body != null) {
                s.out.write(body);
            }
            s.out.flush();
            Head head = Head.read(s.in);
            Reply r = new Reply(head.status(), head.headers(), head.body(s.in, method).readAllBytes());
            release(s, head, method);
            return r;
        } catch (NoAnswerException e) {
            s.close();
            if (reused && IDEMPOTENT.contains(method)) {
                // The engine closed the pooled connection between the check and the request: send it once more.
                return call(method, path, headers, body, readTimeoutMillis);
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Sends a request whose response is read as it arrives (events, logs, progress, archives), on a connection of its
     * own, and returns once the response head has been read. The request body, if any, is sent chunked as it is read.
     *
     * @throws EngineHttpException for statuses of 400 and above (the connection is closed)
     */
    public EngineStream open(String method, String path, Map<String, String> headers, InputStream body)
            throws IOException {
        EngineSocket s = EngineSocket.open(config);
        try {
            writeHead(s.out, method, path, headers, body == null ? -1 : -2, false);
            if (body != null) {
                try (OutputStream chunked = new ChunkedOutput(s.out)) {
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = body.read(buf)) >= 0; ) {
                        chunked.write(buf, 0, n);
                    }
                }
            }
            s.out.flush();
            Head head = Head.read(s.in);
            InputStream in = head.body(s.in, method);
            if (head.status() >= 400) {
                throw new EngineHttpException(head.status(), new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8));
            }
            return new EngineStream(s, head.headers(), in);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Sends a request that upgrades the connection ({@code Upgrade: tcp}) and returns the raw stream. */
    EngineSocket upgrade(String path, byte[] jsonBody) throws IOException {
        EngineSocket s = EngineSocket.open(config);
        try {
            writeHead(s.out, "POST", path, Map.of(), jsonBody == null ? -1 : jsonBody.length, true);
            if (jsonBody != null) {
                s.out.write(jsonBody);
            }
            s.out.flush();
            Head head = Head.read(s.in);
            if (head.status() != 101 && head.status() != 200) {
                throw new EngineHttpException(head.status(), new String(head.body(s.in, "POST").readAllBytes(),
                        StandardCharsets.UTF_8));
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Writes a request head. {@code length} is the body size, -1 for no body, -2 for a chunked body; a byte body is
     * sent as JSON unless the headers give another content type.
     */
    static void writeHead(OutputStream out, String method, String path, Map<String, String> headers, long length,
                          boolean upgrade) throws IOException {
        if (LOG.isDebugEnabled()) {
            // Method and path only: a query may carry build args, and headers carry registry credentials.
            int q = path.indexOf('?');
            LOG.debug("{} {}", method, q < 0 ? path : path.substring(0, q));
        }
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: docker\r\nUser-Agent: berth\r\n");
        if (upgrade) {
            head.append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        }
        boolean contentType = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            contentType |= h.getKey().equalsIgnoreCase("Content-Type");
        }
        if (length == -2) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (length >= 0) {
            if (!contentType) {
                head.append("Content-Type: application/json\r\n");
            }
            head.append("Content-Length: ").append(length).append("\r\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The status line and headers of a response. */
    record Head(int status, Map<String, String> headers, boolean keepAlive) {
        static Head read(InputStream in) throws IOException {
            String status = line(in);
            if (status == null) {
                throw new NoAnswerException();
            }
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response: " + status);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String l;
            while ((l = line(in)) != null && !l.isEmpty()) {
                int colon = l.indexOf(':');
                if (colon > 0) {
                    headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
                }
            }
            if (l == null) {
                throw new IOException("the engine closed the connection mid-response");
            }
            boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection")) && parts[0].equals("HTTP/1.1");
            return new Head(Integer.parseInt(parts[1].trim()), headers, keepAlive);
        }

        /** Whether the body ends by its framing (so the connection can carry another request after it). */
        boolean framed(String method) {
            return bodyless(method) || headers.containsKey("content-length")
                    || "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        }

        private boolean bodyless(String method) {
            return method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1;
        }

        /** The body as a stream that ends where the message ends: by length, by chunks, or when the engine closes. */
        InputStream body(InputStream in, String method) throws IOException {
            if (bodyless(method)) {
                return InputStream.nullInputStream();
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                return new ChunkedInput(in);
            }
            String length = headers.get("content-length");
            if (length != null) {
                return new LengthInput(in, Long.parseLong(length.trim()));
            }
            return in;
        }
    }

    private EngineSocket pooled() {
        EngineSocket s;
        while ((s = idle.pollFirst()) != null) {
            if (!s.isStale()) {
                return s;
            }
            s.close();
        }
        return null;
    }

    private void release(EngineSocket s, Head head, String method) {
        if (!closed && head.keepAlive() && head.status() != 101 && idle.size() < MAX_IDLE && head.framed(method)) {
            idle.addFirst(s);
        } else {
            s.close();
        }
    }

    /** One CRLF- or LF-terminated line as ISO-8859-1, without its terminator; null at end of stream. */
    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The engine closed the connection before sending any byte of a response. */
    static final class NoAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        NoAnswerException() {
            super("the engine closed the connection without answering");
        }
    }

    /** Closes pooled connections; calls in flight finish on their own connections. */
    @Override
    public void close() {
        closed = true;
        List<EngineSocket> all = new ArrayList<>(idle);
        idle.clear();
        all.forEach(EngineSocket::close);
    }
}
