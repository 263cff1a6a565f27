package dev.berth.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import dev.berth.EngineConfig;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A hijacked Engine API connection ({@code Upgrade: tcp}) carrying a process's stdin, stdout and stderr, as the docker
 * CLI opens for {@code attach} and {@code exec}. Unlike a pooled HTTP client it can half-close stdin, so the process
 * sees end-of-file.
 */
public final class Hijack implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Closeable socket;
    private final InputStream in;
    private final OutputStream out;
    private final HalfClose halfClose;

    private interface HalfClose {
        void closeWrite() throws IOException;
    }

    private Hijack(Closeable socket, InputStream in, OutputStream out, HalfClose halfClose) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.halfClose = halfClose;
    }

    /**
     * Sends {@code POST path} (without the version prefix) with a JSON body, and returns the upgraded stream.
     *
     * @throws EngineHttpException if the engine answers with an error status instead of upgrading
     */
    public static Hijack post(EngineConfig config, String apiVersion, String path, Object body) throws IOException {
        Hijack h = connect(config);
        try {
            byte[] json = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
            String request = "POST /v" + apiVersion + path + " HTTP/1.1\r\n"
                    + "Host: docker\r\n"
                    + "User-Agent: berth\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Upgrade: tcp\r\n"
                    + "Content-Length: " + json.length + "\r\n\r\n";
            h.out.write(request.getBytes(StandardCharsets.US_ASCII));
            h.out.write(json);
            h.out.flush();
            h.readResponseHead();
            return h;
        } catch (IOException | RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /** The process output: multiplexed frames, or raw bytes when the process has a TTY. */
    public InputStream input() {
        return in;
    }

    /** The process's stdin. */
    public OutputStream output() {
        return out;
    }

    /** Signals end-of-file on the process's stdin while output keeps flowing. */
    public void closeWrite() throws IOException {
        out.flush();
        halfClose.closeWrite();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    private void readResponseHead() throws IOException {
        String status = readLine();
        if (status == null) {
            throw new IOException("the engine closed the connection without answering");
        }
        int contentLength = -1;
        boolean chunked = false;
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String[] parts = status.split(" ", 3);
        int code = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        if (code == 101 || code == 200) {
            return;
        }
        String body = readBody(contentLength, chunked);
        throw new EngineHttpException(code, body);
    }

    private String readBody(int contentLength, boolean chunked) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (contentLength >= 0) {
            buf.write(in.readNBytes(contentLength));
        } else if (chunked) {
            String size;
            while ((size = readLine()) != null) {
                int n = Integer.parseInt(size.trim(), 16);
                if (n == 0) {
                    break;
                }
                buf.write(in.readNBytes(n));
                readLine();
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
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

    private static Hijack connect(EngineConfig config) throws IOException {
        String scheme = config.host().getScheme();
        if ("unix".equals(scheme)) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(config.host().getPath()));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            return new Hijack(ch, new ChannelIn(ch), new ChannelOut(ch), ch::shutdownOutput);
        }
        InetSocketAddress address = new InetSocketAddress(config.host().getHost(), config.host().getPort());
        if (config.tls().isPresent()) {
            Socket plain = new Socket();
            plain.connect(address, (int) config.connectTimeout().toMillis());
            SSLSocket tls = (SSLSocket) new LocalDirectorySSLConfig(config.tls().get().certPath().toString())
                    .getSSLContext().getSocketFactory()
                    .createSocket(plain, config.host().getHost(), config.host().getPort(), true);
            tls.startHandshake();
            return new Hijack(tls, tls.getInputStream(), tls.getOutputStream(), tls::shutdownOutput);
        }
        SocketChannel ch = SocketChannel.open();
        try {
            ch.socket().connect(address, (int) config.connectTimeout().toMillis());
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new Hijack(ch, new ChannelIn(ch), new ChannelOut(ch), ch::shutdownOutput);
    }

    /** Reads a socket channel without the channel's blocking lock, so a concurrent writer is never held up. */
    private static final class ChannelIn extends InputStream {
        private final SocketChannel ch;
        private final ByteBuffer one = ByteBuffer.allocate(1);

        ChannelIn(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read() throws IOException {
            one.clear();
            int n;
            do {
                n = ch.read(one);
            } while (n == 0);
            return n < 0 ? -1 : one.get(0) & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            do {
                n = ch.read(ByteBuffer.wrap(b, off, len));
            } while (n == 0);
            return n;
        }
    }

    /** Writes a socket channel without the channel's blocking lock. */
    private static final class ChannelOut extends OutputStream {
        private final SocketChannel ch;

        ChannelOut(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }
}
