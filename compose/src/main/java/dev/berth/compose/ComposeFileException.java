package dev.berth.compose;

import dev.berth.BerthException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A Compose file could not be loaded: bad YAML, bytes that are not UTF-8, a value of the wrong type, an unknown key, a
 * bad interpolation, a missing file or an inconsistent model. Carries the file, the 1-based line and column, and the
 * dotted path of the offending key.
 *
 * <p>For a problem in the content of a file, the file is always named and line and column are at least 1: they point
 * at the offending node (the first bad byte for text that is not UTF-8); at the nearest enclosing key the loader
 * knows when the node was made by merging, {@code extends} or defaults; and at line 1, column 1 when the problem is
 * with the file as a whole (an empty file, say). Only failures outside any file's content — no compose file found, a
 * {@code -f} or env file that does not exist — leave line and column 0, and the file unset when there is none.
 * Loading throws nothing else for bad input (checked by fuzzing, see docs/reliability.md).
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

    /** 1-based line of the offending node; 0 only for a failure outside any file's content. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending node; 0 only for a failure outside any file's content. */
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
