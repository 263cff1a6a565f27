package dev.berth.image.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream fed by a writer running on its own daemon thread, through at most {@value #DEPTH} chunks of
 * {@value #CHUNK} bytes. A writer failure is rethrown by {@link #read} as an {@link IOException} with it as the
 * cause; {@link #close} stops the writer and waits briefly for its thread to end.
 */
public final class BackgroundPipe extends InputStream {
    /** The producing side. */
    @FunctionalInterface
    public interface Writer {
        /** Writes everything to {@code out}; need not close it. */
        void writeTo(OutputStream out) throws IOException;
    }

    static final int CHUNK = 64 * 1024;
    static final int DEPTH = 8;

    /** A chunk of data, or the end marker (data null) carrying the writer's failure if any. */
    private record Chunk(byte[] data, int length, Throwable failure) {
    }

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int position;

    private BackgroundPipe(String threadName, Writer writer) {
        thread = new Thread(() -> produce(writer), threadName);
        thread.setDaemon(true);
    }

    /** Starts {@code writer} on a new daemon thread named {@code threadName}; the caller must close the result. */
    public static BackgroundPipe start(String threadName, Writer writer) {
        BackgroundPipe pipe = new BackgroundPipe(threadName, writer);
        pipe.thread.start();
        return pipe;
    }

    private void produce(Writer writer) {
        Throwable failure = null;
        try {
            ChunkStream out = new ChunkStream();
            writer.writeTo(out);
            out.flush();
        } catch (Throwable t) {
            failure = t;
        }
        if (!closed) {
            try {
                hand(new Chunk(null, 0, failure));
            } catch (IOException ignored) {
                // the reader has gone
            }
        }
    }

    private void hand(Chunk chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IOException("the reader closed the stream");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the reader closed the stream");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (current == null || current.data() != null && position == current.length()) {
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the build context");
            }
            position = 0;
        }
        if (current.data() == null) {
            if (current.failure() != null) {
                throw new IOException(current.failure().getMessage(), current.failure());
            }
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        queue.clear();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer's side: fills chunks and hands them over. */
    private final class ChunkStream extends OutputStream {
        private byte[] buffer = new byte[CHUNK];
        private int count;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CHUNK - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
                if (count == CHUNK) {
                    flush();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (closed) {
                throw new IOException("the reader closed the stream");
            }
            if (count > 0) {
                hand(new Chunk(buffer, count, null));
                buffer = new byte[CHUNK];
                count = 0;
            }
        }
    }
}
