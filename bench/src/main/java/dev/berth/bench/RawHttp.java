package dev.berth.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** The floor: hand-written HTTP/1.1 on one kept-alive unix socket connection, no JSON library. */
final class RawHttp implements AutoCloseable {
    private final SocketChannel ch;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(String socket) throws IOException {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        in = Channels.newInputStream(ch);
        out = Channels.newOutputStream(ch);
    }

    /** Sends a request and returns the body; throws on status >= 400. */
    String call(String method, String path, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: docker\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        String h;
        while (!(h = line()).isEmpty()) {
            String l = h.toLowerCase();
            if (l.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            } else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (chunked) {
            int n;
            while ((n = Integer.parseInt(line().trim(), 16)) > 0) {
                buf.write(in.readNBytes(n));
                line();
            }
            line();
        } else if (length > 0) {
            buf.write(in.readNBytes(length));
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        if (code >= 400) {
            throw new IOException(method + " " + path + " -> " + code + ": " + text);
        }
        return text;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
