package dev.berth.image.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * One {@code .dockerignore} pattern, prepared as moby's patternmatcher prepares it; immutable and thread-safe.
 * A pattern that passes Go's glob check but not Go's regexp compiler (e.g. {@code [Local-Only]}) is accepted here
 * and fails each time it is matched, exactly as upstream. Expressions are compiled and matched by RE2/J, a port of
 * Go's {@code regexp}: the same syntax and semantics, and time linear in the path, so that no pattern such as
 * {@code *a*a*a*a*a*a*b} can make matching backtrack for ever.
 */
public final class IgnorePattern {
    /** Thrown by {@link #of} for a pattern Docker refuses to load. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /** Thrown by {@link #matches} for a pattern that Go's regexp compiler refuses. */
    public static final class BadPatternException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadPatternException(String message) {
            super(message);
        }
    }

    /**
     * The longest pattern Berth matches with a regular expression. RE2/J compiles in time quadratic in the length of
     * the expression (about 3 s for 64 KiB, the longest line Docker reads, against 10 ms for this length); no path
     * is longer than 4096 bytes on Linux. Longer patterns without wildcards, matched without an expression, are kept.
     */
    public static final int MAX_REGEX_PATTERN = 4_096;

    private final boolean exception;
    private final String text;
    private final PatternCompiler.MatchType type;
    private final Pattern regex;
    private final String regexError;

    private IgnorePattern(boolean exception, String text, PatternCompiler.Compiled compiled) {
        this.exception = exception;
        this.text = text;
        this.type = compiled.type();
        Pattern re = null;
        String error = null;
        if (compiled.regex() != null) {
            try {
                re = Pattern.compile(compiled.regex());
            } catch (PatternSyntaxException e) {
                error = e.getDescription();
            }
        }
        this.regex = re;
        this.regexError = error;
    }

    /**
     * Prepares one raw pattern line as patternmatcher's {@code New} does: trims, cleans, splits off a leading '!';
     * returns null for a blank line.
     */
    public static IgnorePattern of(String raw) throws SyntaxException {
        String p = GoPaths.trimSpace(raw);
        if (p.isEmpty()) {
            return null;
        }
        p = GoPaths.clean(p);
        boolean exception = p.charAt(0) == '!';
        if (exception) {
            if (p.length() == 1) {
                throw new SyntaxException("illegal exclusion pattern: \"!\"");
            }
            p = p.substring(1);
        }
        if (!GlobSyntax.isValid(p)) {
            throw new SyntaxException("syntax error in pattern");
        }
        PatternCompiler.Compiled compiled = PatternCompiler.compile(p);
        if (compiled.regex() != null && p.length() > MAX_REGEX_PATTERN) {
            throw new SyntaxException("a pattern with wildcards longer than " + MAX_REGEX_PATTERN + " characters is"
                    + " refused by Berth (Docker reads it, but no path is that long)");
        }
        return new IgnorePattern(exception, p, compiled);
    }

    /** True for a '!' pattern, which re-includes what it matches. */
    public boolean isException() {
        return exception;
    }

    /** The cleaned pattern without its '!'. */
    public String text() {
        return text;
    }

    /** How this pattern is matched. */
    public PatternCompiler.MatchType type() {
        return type;
    }

    /** True if the slash path matches this pattern itself (no parent-directory logic). */
    public boolean matches(String path) {
        switch (type) {
            case EXACT:
                return path.equals(text);
            case PREFIX:
                return path.startsWith(text.substring(0, text.length() - 2));
            case SUFFIX:
                String suffix = text.substring(2);
                return path.endsWith(suffix) || suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
            default:
                if (regex == null) {
                    throw new BadPatternException("syntax error in pattern \"" + text + "\": " + regexError);
                }
                return regex.matcher(path).find(); // Go's MatchString searches; the expression carries its anchors
        }
    }

    @Override
    public String toString() {
        return exception ? "!" + text : text;
    }
}
