package dev.berth.compose;

import dev.berth.container.LogLine;

import java.util.Objects;

/**
 * One line of a service container's output, as {@code docker compose logs} shows it: {@code web-1  | hello}.
 *
 * @param service   the service name
 * @param container the container name, e.g. {@code demo-web-1}
 * @param line      the line, its stream (stdout or stderr) and its timestamp when asked for
 */
public record ComposeLogLine(String service, String container, LogLine line) {
    public ComposeLogLine {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(line, "line");
    }

    /** The line's text, without the newline. */
    public String text() {
        return line.text();
    }

    @Override
    public String toString() {
        return container + "  | " + line.text();
    }
}
