package dev.berth.container;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Turns output chunks, which may split or join lines, into whole {@link LogLine}s per stream. */
final class LineAssembler {
    private final Map<LogSource, ByteArrayOutputStream> partial = new EnumMap<>(LogSource.class);
    private final boolean timestamps;
    private final Consumer<LogLine> sink;

    LineAssembler(boolean timestamps, Consumer<LogLine> sink) {
        this.timestamps = timestamps;
        this.sink = sink;
    }

    void accept(LogSource source, byte[] bytes) {
        ByteArrayOutputStream buf = partial.computeIfAbsent(source, s -> new ByteArrayOutputStream());
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                buf.write(bytes, start, i - start);
                emit(source, buf);
                start = i + 1;
            }
        }
        buf.write(bytes, start, bytes.length - start);
    }

    /** Emits what is left of unterminated lines. */
    void flush() {
        partial.forEach((source, buf) -> {
            if (buf.size() > 0) {
                emit(source, buf);
            }
        });
    }

    private void emit(LogSource source, ByteArrayOutputStream buf) {
        String text = buf.toString(StandardCharsets.UTF_8);
        buf.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        Optional<Instant> ts = Optional.empty();
        if (timestamps) {
            int space = text.indexOf(' ');
            String stamp = space < 0 ? text : text.substring(0, space);
            try {
                ts = Optional.of(Instant.parse(stamp));
                text = space < 0 ? "" : text.substring(space + 1);
            } catch (DateTimeParseException notAStamp) {
                // leave the line as it is
            }
        }
        sink.accept(new LogLine(source, text, ts));
    }
}
