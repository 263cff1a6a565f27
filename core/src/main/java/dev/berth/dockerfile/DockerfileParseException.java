package dev.berth.dockerfile;

import dev.berth.BerthException;
import java.util.Optional;

/**
 * Thrown when Dockerfile text cannot be read; names the source, the 1-based line and column, and what was expected.
 *
 * <p>The source is the file's path when parsed with {@link Dockerfile#parse(java.nio.file.Path)}, the name given to
 * {@link Dockerfile#parse(String, String)}, or absent. The column is that of the instruction, flag or character at
 * fault: the first bad byte of text that is not UTF-8, column 1 for a line longer than the 65,535 bytes BuildKit reads.
 * Parsing throws nothing else for bad text (checked by fuzzing, see docs/reliability.md).
 */
public final class DockerfileParseException extends BerthException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /** Creates the exception for a problem at a 1-based line and column of the named source (null when unnamed). */
    public DockerfileParseException(String source, int line, int column, String reason) {
        super((source == null ? "Dockerfile" : source) + ":" + line + ":" + column + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The name of the parsed source, such as a file path, if one was given. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem. */
    public int column() {
        return column;
    }

    /** What went wrong, without the location prefix. */
    public String reason() {
        return reason;
    }
}
