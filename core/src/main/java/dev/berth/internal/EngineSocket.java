package dev.berth.internal;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import dev.berth.EngineConfig;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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

/**
 * One raw connection to the engine over Java's own sockets: unix, plain tcp, or TLS. No native library is loaded,
 * and stdin can be half-closed so a process sees end-of-file.
 */
final class EngineSocket implements Closeable {
    private final Closeable socket;
    final InputStream in;
    final OutputStream out;
    private final HalfClose halfClose;

    private interface HalfClose {
        void closeWrite() throws IOException;
    }

    private EngineSocket(Closeable socket, InputStream in, OutputStream out, HalfClose halfClose) {
        this.socket = socket;
        this.in = new BufferedInputStream(in, 16 * 1024);
        this.out = new BufferedOutputStream(out, 16 * 1024);
        this.halfClose = halfClose;
    }

    static EngineSocket open(EngineConfig config) throws IOException {
        String scheme = config.host().getScheme();
        if ("unix".equals(scheme)) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(config.host().getPath()));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            return new EngineSocket(ch, new ChannelIn(ch), new ChannelOut(ch), ch::shutdownOutput);
        }
        InetSocketAddress address = new InetSocketAddress(config.host().getHost(), config.host().getPort());
        int timeout = (int) config.connectTimeout().toMillis();
        if (config.tls().isPresent()) {
            Socket plain = new Socket();
            try {
                plain.connect(address, timeout);
                SSLSocket tls = (SSLSocket) new LocalDirectorySSLConfig(config.tls().get().certPath().toString())
                        .getSSLContext().getSocketFactory()
                        .createSocket(plain, config.host().getHost(), config.host().getPort(), true);
                tls.startHandshake();
                return new EngineSocket(tls, tls.getInputStream(), tls.getOutputStream(), tls::shutdownOutput);
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }
        SocketChannel ch = SocketChannel.open();
        try {
            ch.socket().connect(address, timeout);
            ch.socket().setTcpNoDelay(true);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new EngineSocket(ch, new ChannelIn(ch), new ChannelOut(ch), ch::shutdownOutput);
    }

    void closeWrite() throws IOException {
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

    /** Reads a socket channel without the channel's blocking lock, so a concurrent writer is never held up. */
    private static final class ChannelIn extends InputStream {
        private final SocketChannel ch;

        ChannelIn(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
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
