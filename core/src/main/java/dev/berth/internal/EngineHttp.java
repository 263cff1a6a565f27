package dev.berth.internal;

import dev.berth.EngineConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A small keep-alive HTTP/1.1 client for the Engine API's short request/response calls (ping, create, start, stop,
 * remove, inspect, raw endpoints) and for hijacked streams. Streaming calls (logs, events, builds) go through
 * docker-java. Thread-safe: each call takes a pooled connection or opens one.
 */
public final class EngineHttp implements AutoCloseable {
    private static final int MAX_IDLE = 8;
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

    /** Sends one request (path including any version prefix and query) and reads the whole reply. */
    public Reply call(String method, String path, byte[] jsonBody) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            EngineSocket s = idle.pollFirst();
            boolean reused = s != null;
            if (s == null) {
                s = EngineSocket.open(config);
            }
            try {
                writeRequest(s, method, path, jsonBody, false);
                Reply r = readReply(s, method);
                release(s, r);
                return r;
            } catch (IOException e) {
                s.close();
                last = e;
                if (!reused) {
                    throw e;
                }
                // A pooled connection the engine had closed: retry once on a fresh one.
            }
        }
        throw last;
    }

    /**
     * Sends a GET whose response is a long-lived stream (events, stats) on a connection of its own, and returns once
     * the response head has been read.
     *
     * @throws EngineHttpException for statuses of 400 and above
     */
    public EngineStream stream(String path) throws IOException {
        EngineSocket s = EngineSocket.open(config);
        try {
            writeRequest(s, "GET", path, null, false);
            Head head = readHead(s.in);
            if (head.status >= 400) {
                Reply r = new Reply(head.status, head.headers, readBody(s.in, head, "GET"));
                throw new EngineHttpException(r.status(), r.text());
            }
            return new EngineStream(s, head.headers);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Sends a request that upgrades the connection ({@code Upgrade: tcp}) and returns the raw stream. */
    EngineSocket upgrade(String path, byte[] jsonBody) throws IOException {
        EngineSocket s = EngineSocket.open(config);
        try {
            writeRequest(s, "POST", path, jsonBody, true);
            Head head = readHead(s.in);
            if (head.status != 101 && head.status != 200) {
                Reply r = new Reply(head.status, head.headers, readBody(s.in, head, "POST"));
                throw new EngineHttpException(r.status(), r.text());
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static void writeRequest(EngineSocket s, String method, String path, byte[] body, boolean upgrade)
            throws IOException {
        StringBuilder head = new StringBuilder(128).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: docker\r\nUser-Agent: berth\r\n");
        if (upgrade) {
            head.append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        s.out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            s.out.write(body);
        }
        s.out.flush();
    }

    private record Head(int status, Map<String, String> headers, boolean keepAlive) {
    }

    private static Reply readReply(EngineSocket s, String method) throws IOException {
        Head head = readHead(s.in);
        return new Reply(head.status, head.headers, readBody(s.in, head, method));
    }

    private static Head readHead(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the engine closed the connection without answering");
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
        boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection")) && parts[0].equals("HTTP/1.1");
        return new Head(Integer.parseInt(parts[1]), headers, keepAlive);
    }

    private static byte[] readBody(InputStream in, Head head, String method) throws IOException {
        if (method.equals("HEAD") || head.status == 204 || head.status == 304 || head.status / 100 == 1) {
            return new byte[0];
        }
        String length = head.headers.get("content-length");
        if (length != null) {
            int n = Integer.parseInt(length);
            byte[] body = in.readNBytes(n);
            if (body.length < n) {
                throw new IOException("the engine closed the connection mid-response");
            }
            return body;
        }
        if ("chunked".equalsIgnoreCase(head.headers.get("transfer-encoding"))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("the engine closed the connection mid-response");
                }
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (true) {
                        String trailer = line(in);
                        if (trailer == null || trailer.isEmpty()) {
                            break;
                        }
                    }
                    return buf.toByteArray();
                }
                buf.write(in.readNBytes(n));
                line(in);
            }
        }
        return in.readAllBytes();
    }

    private void release(EngineSocket s, Reply r) {
        boolean reusable = !closed && !"close".equalsIgnoreCase(r.header("connection"))
                && (r.header("content-length") != null || r.header("transfer-encoding") != null
                || r.status() == 204 || r.status() == 304);
        if (reusable && idle.size() < MAX_IDLE) {
            idle.addFirst(s);
        } else {
            s.close();
        }
    }

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

    /** Closes pooled connections. */
    @Override
    public void close() {
        closed = true;
        List<EngineSocket> all = new ArrayList<>(idle);
        idle.clear();
        all.forEach(EngineSocket::close);
    }
}
