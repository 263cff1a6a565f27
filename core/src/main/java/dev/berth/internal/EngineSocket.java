package dev.berth.internal;

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
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One raw connection to the engine over Java's own sockets: unix, plain tcp, or TLS. No native library is loaded;
 * stdin can be half-closed so a process sees end-of-file; reads can be limited by an inactivity timeout; an idle
 * connection can tell whether the engine has closed it.
 */
final class EngineSocket implements Closeable {
    private final SocketChannel channel;
    private final SSLSocket tls;
    final InputStream in;
    final OutputStream out;
    private volatile long readTimeoutMillis;
    private volatile boolean expired;

    private EngineSocket(SocketChannel channel, SSLSocket tls) throws IOException {
        this.channel = channel;
        this.tls = tls;
        InputStream rawIn = channel != null ? new ChannelIn() : tls.getInputStream();
        OutputStream rawOut = channel != null ? new ChannelOut(channel) : tls.getOutputStream();
        this.in = new BufferedInputStream(rawIn, 16 * 1024);
        this.out = new BufferedOutputStream(rawOut, 16 * 1024);
    }

    /**
     * Dials the configured engine; {@code connectTimeout} bounds the TCP connect and the TLS handshake.
     *
     * @throws IOException if nothing answers, or for a scheme Berth cannot dial (npipe)
     */
    static EngineSocket open(EngineConfig config) throws IOException {
        String scheme = config.host().getScheme();
        if ("unix".equals(scheme)) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(config.host().getPath()));
                return new EngineSocket(ch, null);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
        if (!"tcp".equals(scheme)) {
            throw new IOException("cannot dial " + config.host() + ": only unix:// and tcp:// engines are supported");
        }
        InetSocketAddress address = new InetSocketAddress(config.host().getHost(), config.host().getPort());
        int timeout = (int) config.connectTimeout().toMillis();
        if (config.tls().isPresent()) {
            Socket plain = new Socket();
            try {
                plain.connect(address, timeout);
                plain.setTcpNoDelay(true);
                SSLSocket s = (SSLSocket) TlsMaterial.context(config.tls().get().certPath()).getSocketFactory()
                        .createSocket(plain, config.host().getHost(), config.host().getPort(), true);
                s.setSoTimeout(timeout);
                s.startHandshake();
                s.setSoTimeout(0);
                return new EngineSocket(null, s);
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }
        SocketChannel ch = SocketChannel.open();
        try {
            ch.socket().connect(address, timeout);
            ch.socket().setTcpNoDelay(true);
            return new EngineSocket(ch, null);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Limits each later read to this many milliseconds without data (0: no limit); an expired read closes the socket. */
    void readTimeout(long millis) throws IOException {
        readTimeoutMillis = millis;
        if (tls != null) {
            tls.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
        }
    }

    /**
     * Whether an idle pooled connection can no longer carry a request: the engine closed it (end of stream) or sent
     * bytes nobody asked for. Checked without blocking before each reuse.
     */
    boolean isStale() {
        try {
            if (in.available() > 0) {
                return true;
            }
            if (channel != null) {
                synchronized (channel.blockingLock()) {
                    channel.configureBlocking(false);
                    try {
                        return channel.read(ByteBuffer.allocate(1)) != 0;
                    } finally {
                        channel.configureBlocking(true);
                    }
                }
            }
            int before = tls.getSoTimeout();
            tls.setSoTimeout(1);
            try {
                tls.getInputStream().read();   // a byte or the end of the stream: either way not reusable
                return true;
            } catch (SocketTimeoutException alive) {
                return false;
            } finally {
                tls.setSoTimeout(before);
            }
        } catch (IOException e) {
            return true;
        }
    }

    void closeWrite() throws IOException {
        out.flush();
        if (channel != null) {
            channel.shutdownOutput();
        } else {
            tls.shutdownOutput();
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            } else {
                tls.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Reads the channel without its blocking lock (so a concurrent writer is never held up), within the read timeout. */
    private final class ChannelIn extends BulkInput {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            long limit = readTimeoutMillis;
            ScheduledFuture<?> alarm = limit > 0 ? Watchdog.schedule(EngineSocket.this::expire, limit) : null;
            try {
                int n;
                do {
                    n = channel.read(ByteBuffer.wrap(b, off, len));
                } while (n == 0);
                return n;
            } catch (AsynchronousCloseException e) {
                if (expired) {
                    throw new SocketTimeoutException("the engine sent nothing for " + limit + " ms (read timeout)");
                }
                throw e;
            } finally {
                if (alarm != null) {
                    alarm.cancel(false);
                }
            }
        }
    }

    private void expire() {
        expired = true;
        close();
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

    /** One daemon thread that closes sockets whose reads outlived their timeout; started on first use. */
    private static final class Watchdog {
        private static final ScheduledThreadPoolExecutor TIMER = create();

        static ScheduledFuture<?> schedule(Runnable r, long millis) {
            return TIMER.schedule(r, millis, TimeUnit.MILLISECONDS);
        }

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(r, "berth-read-timeout");
                th.setDaemon(true);
                return th;
            });
            t.setRemoveOnCancelPolicy(true);
            return t;
        }
    }
}
