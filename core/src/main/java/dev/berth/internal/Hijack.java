package dev.berth.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A hijacked Engine API connection ({@code Upgrade: tcp}) carrying a process's stdin, stdout and stderr, as the docker
 * CLI opens for {@code attach} and {@code exec}. It can half-close stdin, so the process sees end-of-file while its
 * output keeps flowing.
 */
public final class Hijack implements Closeable {
    private final EngineSocket socket;

    private Hijack(EngineSocket socket) {
        this.socket = socket;
    }

    /**
     * Sends {@code POST path} (without the version prefix) with a JSON body ({@link Json}) and returns the upgraded
     * stream.
     *
     * @throws EngineHttpException if the engine answers with an error status instead of upgrading
     */
    public static Hijack post(Connection c, String path, Object body) throws IOException {
        byte[] json = body == null ? null : Json.bytes(body);
        return new Hijack(c.http().upgrade("/v" + c.apiVersion() + path, json));
    }

    /** The process output: multiplexed frames, or raw bytes when the process has a TTY. */
    public InputStream input() {
        return socket.in;
    }

    /** The process's stdin. */
    public OutputStream output() {
        return socket.out;
    }

    /** Signals end-of-file on the process's stdin while output keeps flowing. */
    public void closeWrite() throws IOException {
        socket.closeWrite();
    }

    @Override
    public void close() {
        socket.close();
    }
}
