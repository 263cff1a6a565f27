package dev.berth.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns process output (multiplexed {@link Frames}, or chunks that may split or join lines) into whole lines per
 * stream, with the engine's timestamp split off when requested: the one reader of container logs, attached output
 * and service logs. Lines lose their {@code \n} or {@code \r\n}.
 */
public final class FrameLines {
    /** Receives each whole line. */
    public interface Sink {
        /** One line of stream 1 (stdout) or 2 (stderr), with the timestamp that preceded it, if requested. */
        void line(int stream, String text, Optional<Instant> timestamp);
    }

    private final Map<Integer, ByteArrayOutputStream> partial = new HashMap<>();
    private final boolean timestamps;
    private final Sink sink;

    public FrameLines(boolean timestamps, Sink sink) {
        this.timestamps = timestamps;
        this.sink = sink;
    }

    /** Reads every frame of {@code in} (raw output when {@code tty}) until it ends, then flushes unterminated lines. */
    public static void pump(InputStream in, boolean tty, boolean timestamps, Sink sink) throws IOException {
        FrameLines lines = new FrameLines(timestamps, sink);
        Frames frames = new Frames(in, tty);
        try {
            for (Frames.Frame f = frames.next(); f != null; f = frames.next()) {
                lines.accept(f.stream(), f.payload());
            }
        } finally {
            lines.flush();
        }
    }

    /** Adds a chunk of output of one stream. */
    public void accept(int stream, byte[] bytes) {
        ByteArrayOutputStream buf = partial.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                buf.write(bytes, start, i - start);
                emit(stream, buf);
                start = i + 1;
            }
        }
        buf.write(bytes, start, bytes.length - start);
    }

    /** Emits what is left of unterminated lines. */
    public void flush() {
        partial.forEach((stream, buf) -> {
            if (buf.size() > 0) {
                emit(stream, buf);
            }
        });
    }

    private void emit(int stream, ByteArrayOutputStream buf) {
        String text = buf.toString(StandardCharsets.UTF_8);
        buf.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        Optional<Instant> ts = Optional.empty();
        if (timestamps) {
            int space = text.indexOf(' ');
            try {
                ts = Optional.of(Instant.parse(space < 0 ? text : text.substring(0, space)));
                text = space < 0 ? "" : text.substring(space + 1);
            } catch (DateTimeParseException notAStamp) {
                // leave the line as it is
            }
        }
        sink.line(stream, text, ts);
    }
}
