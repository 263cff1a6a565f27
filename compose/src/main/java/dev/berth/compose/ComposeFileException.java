package dev.berth.compose;

import dev.berth.BerthException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A Compose file could not be loaded: bad YAML, a value of the wrong type, an unknown key, a bad interpolation,
 * a missing file or an inconsistent model. Carries the file, the 1-based line and column (0 when unknown) and the
 * dotted path of the offending key.
 */
public final class ComposeFileException extends BerthException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String key;
    private final String reason;

    public ComposeFileException(Path file, int line, int column, String key, String reason) {
        this(file, line, column, key, reason, null);
    }

    public ComposeFileException(Path file, int line, int column, String key, String reason, Throwable cause) {
        super(format(file, line, column, reason), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key == null ? "" : key;
        this.reason = reason;
    }

    private static String format(Path file, int line, int column, String reason) {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line).append(':').append(column);
            }
            b.append(": ");
        }
        return b.append(reason).toString();
    }

    /** The file in error, if known. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** 1-based line of the offending node, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending node, 0 when unknown. */
    public int column() {
        return column;
    }

    /** Dotted path of the offending key, such as {@code services.web.ports.0}, or empty. */
    public String key() {
        return key;
    }

    /** The message without the location prefix. */
    public String reason() {
        return reason;
    }
}
