package dev.berth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** Forwards TCP connections on 127.0.0.1 to a unix socket, so tests can reach the engine over {@code tcp://}. */
public final class TcpToUnixProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Path socket;

    public TcpToUnixProxy(Path socket) throws IOException {
        this.socket = socket;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-unix-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The {@code tcp://127.0.0.1:PORT} address to give Berth. */
    public String address() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                SocketChannel upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
                upstream.connect(UnixDomainSocketAddress.of(socket));
                pump(client.getInputStream(), upstream, client);
                pumpBack(upstream, client.getOutputStream(), client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(InputStream in, SocketChannel out, Socket client) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
                out.shutdownOutput();
            } catch (IOException ignored) {
                // connection ended
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static void pumpBack(SocketChannel in, OutputStream out, Socket client) {
        Thread t = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocate(65536);
            try {
                while (in.read(b) > 0) {
                    out.write(b.array(), 0, b.position());
                    out.flush();
                    b.clear();
                }
                client.shutdownOutput();
            } catch (IOException ignored) {
                // connection ended
            } finally {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
