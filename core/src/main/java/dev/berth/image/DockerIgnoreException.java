package dev.berth.image;

import dev.berth.BerthException;
import java.util.Optional;

/**
 * A {@code .dockerignore} that Berth cannot use: a pattern Docker would refuse (a bare '!', a malformed glob, a
 * pattern Go's regexp compiler rejects when it is matched) or a pattern line that is not UTF-8. Names the source (the
 * file's path when read with {@link DockerIgnore#read}), the 1-based line and column, and the pattern.
 *
 * <p>The column is that of the offending byte for bytes that are not UTF-8, and otherwise that of the pattern's first
 * character (its '!' for an exclusion), since Docker reports no position inside a pattern. For patterns given as a list
 * ({@link DockerIgnore#of}) the line is the pattern's 1-based position in the list.
 */
public class DockerIgnoreException extends BerthException {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final String source;
    private final int line;
    private final int column;

    /** Creates the exception for {@code pattern} at a 1-based line and column of {@code source} (null when unnamed). */
    public DockerIgnoreException(String message, String pattern, String source, int line, int column) {
        super(message);
        this.pattern = pattern;
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The offending pattern as written (after trimming), or the line as far as it could be decoded. */
    public String pattern() {
        return pattern;
    }

    /** Where the patterns came from: the file's path when read from a file. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The 1-based line of the pattern in its file, or its 1-based position in a pattern list. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem on its line. */
    public int column() {
        return column;
    }
}
