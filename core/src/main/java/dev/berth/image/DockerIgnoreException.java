package dev.berth.image;

import dev.berth.BerthException;

/** A {@code .dockerignore} pattern Docker would refuse; names the pattern and the line it came from. */
public class DockerIgnoreException extends BerthException {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final int line;

    public DockerIgnoreException(String message, String pattern, int line) {
        super(message);
        this.pattern = pattern;
        this.line = line;
    }

    /** The offending pattern as written (after trimming). */
    public String pattern() {
        return pattern;
    }

    /** The 1-based line of the pattern in its file, or its 1-based position in a pattern list. */
    public int line() {
        return line;
    }
}
