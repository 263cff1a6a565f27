package dev.berth.image.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in engine on a unix socket that answers {@code /_ping} and drains {@code POST …/build} bodies, so a
 * client's context packing and sending can be timed without the engine's own unpacking. Records the last body.
 */
public final class FakeEngine implements AutoCloseable {
    /** What the last build request delivered: body bytes and the time from first to last body byte. */
    record Upload(long bytes, long firstByteNanos, long lastByteNanos) {
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private volatile Upload last;
    private volatile OutputStream capture;

    public FakeEngine(Path socket) throws IOException {
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::accept, "fake-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves on the socket given as the only argument until killed, printing each build body's size and time. */
    public static void main(String[] args) throws Exception {
        try (FakeEngine engine = new FakeEngine(Path.of(args[0]))) {
            while (true) {
                Thread.sleep(50);
                Upload u = engine.takeUpload();
                if (u != null) {
                    System.out.printf("build body: %d bytes in %.0f ms%n", u.bytes(),
                            (u.lastByteNanos() - u.firstByteNanos()) / 1e6);
                }
            }
        }
    }

    public Path socket() {
        return socket;
    }

    /** Copies the next build bodies to {@code out} (null to stop). */
    public void capture(OutputStream out) {
        capture = out;
    }

    Upload lastUpload() {
        return last;
    }

    Upload takeUpload() {
        Upload u = last;
        last = null;
        return u;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> serve(client), "fake-engine-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client; InputStream in = new BufferedInputStream(Channels.newInputStream(client), 256 * 1024);
             OutputStream out = Channels.newOutputStream(client)) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
                String[] parts = requestLine.split(" ");
                String method = parts[0];
                String path = parts[1];
                long[] window = {0, 0};
                long bytes = drain(in, headers, window, capture);
                if (path.contains("/_ping")) {
                    respond(out, method.equals("HEAD") ? "" : "OK", "text/plain", false);
                } else if (method.equals("POST") && path.contains("/build")) {
                    last = new Upload(bytes, window[0], window[1]);
                    String id = "sha256:" + "0".repeat(64);
                    respond(out, "{\"stream\":\"Successfully built 000000000000\\n\"}\r\n{\"aux\":{\"ID\":\"" + id
                            + "\"}}\r\n", "application/json", true);
                    return;
                } else {
                    out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n"
                            + "{\"message\":\"not found\"}\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static void respond(OutputStream out, String body, String type, boolean close) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nOstype: linux\r\nDocker-Experimental: false\r\n"
                + "Builder-Version: 1\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    private static long drain(InputStream in, Map<String, String> headers, long[] window, OutputStream copy)
            throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        if ("chunked".equals(headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT))) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                total += skip(in, size, buffer, window, copy);
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // ignore trailers
            }
        } else if (headers.containsKey("Content-Length")) {
            total = skip(in, Long.parseLong(headers.get("Content-Length")), buffer, window, copy);
        }
        return total;
    }

    private static long skip(InputStream in, long size, byte[] buffer, long[] window, OutputStream copy)
            throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("body ended early");
            }
            long now = System.nanoTime();
            if (window[0] == 0) {
                window[0] = now;
            }
            window[1] = now;
            if (copy != null) {
                copy.write(buffer, 0, n);
            }
            left -= n;
        }
        return size;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
