package dev.berth.container;

import java.util.List;
import java.util.stream.Collectors;

/** Fetched container output, stdout and stderr kept apart but in their original order. */
public record Logs(List<LogLine> lines) {
    public Logs {
        lines = List.copyOf(lines);
    }

    /** The stdout lines joined with {@code \n}, each followed by a newline. */
    public String stdout() {
        return join(LogSource.STDOUT);
    }

    /** The stderr lines joined with {@code \n}, each followed by a newline. */
    public String stderr() {
        return join(LogSource.STDERR);
    }

    /** Both streams interleaved as the engine delivered them. */
    public String all() {
        return lines.stream().map(l -> l.text() + "\n").collect(Collectors.joining());
    }

    private String join(LogSource source) {
        return lines.stream().filter(l -> l.source() == source).map(l -> l.text() + "\n").collect(Collectors.joining());
    }
}
