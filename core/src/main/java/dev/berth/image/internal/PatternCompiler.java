package dev.berth.image.internal;

/**
 * Classifies a cleaned pattern and, where it needs one, builds the Go (RE2) regular expression that moby's
 * patternmatcher builds for it, so that matching follows that expression's semantics exactly.
 */
public final class PatternCompiler {
    /** How a pattern is matched, as patternmatcher classifies it. */
    public enum MatchType { EXACT, PREFIX, SUFFIX, REGEXP }

    /** A classified pattern; {@code regex} is the RE2 expression text, present only for {@link MatchType#REGEXP}. */
    public record Compiled(MatchType type, String regex) {
    }

    private static final String ESCAPED = ".+()|{}$";

    private PatternCompiler() {
    }

    /** Classifies {@code pattern} (cleaned, without a leading '!') and builds its expression. */
    public static Compiled compile(String pattern) {
        StringBuilder re = new StringBuilder("^");
        MatchType type = MatchType.EXACT;
        int n = pattern.length();
        int pos = n > 0 && pattern.charAt(0) == '\uFEFF' ? 1 : 0; // Go's text/scanner skips a leading BOM
        for (int i = 0; pos < n; i++) {
            int ch = pattern.codePointAt(pos);
            pos += Character.charCount(ch);
            if (ch == '*') {
                if (pos < n && pattern.charAt(pos) == '*') {
                    pos++;
                    if (pos < n && pattern.charAt(pos) == '/') {
                        pos++; // "**/" behaves as "**"
                    }
                    if (pos < n) {
                        re.append("(.*/)?");
                        type = MatchType.REGEXP;
                    } else if (type == MatchType.EXACT) {
                        type = MatchType.PREFIX;
                    } else {
                        re.append(".*");
                        type = MatchType.REGEXP;
                    }
                    if (i == 0) {
                        type = MatchType.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    type = MatchType.REGEXP;
                }
            } else if (ch == '?') {
                re.append("[^/]");
                type = MatchType.REGEXP;
            } else if (ESCAPED.indexOf(ch) >= 0) {
                re.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (pos < n) {
                    int escaped = pattern.codePointAt(pos);
                    pos += Character.charCount(escaped);
                    re.append('\\').appendCodePoint(escaped);
                    type = MatchType.REGEXP;
                } else {
                    re.append('\\');
                }
            } else if (ch == '[' || ch == ']') {
                re.appendCodePoint(ch);
                type = MatchType.REGEXP;
            } else {
                re.appendCodePoint(ch);
            }
        }
        return type == MatchType.REGEXP ? new Compiled(type, re.append('$').toString()) : new Compiled(type, null);
    }
}
