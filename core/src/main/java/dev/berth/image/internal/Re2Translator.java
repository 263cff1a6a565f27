package dev.berth.image.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates the RE2 expressions that {@link PatternCompiler} builds into equivalent {@link Pattern}s, with Go's
 * {@code regexp.Compile} semantics: one-line anchors, '.' not matching '\n', ASCII Perl classes, POSIX classes,
 * Go's escapes and {@code \Q…\E}. Every literal is emitted as {@code \x{…}}, so Java's own class syntax
 * ({@code &&}, nested '[') never applies.
 */
final class Re2Translator {
    /** Thrown where Go's {@code regexp.Compile} would fail. */
    static final class InvalidRegexException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidRegexException(String message) {
            super(message);
        }
    }

    private static final String W = "[0-9A-Za-z_]";
    private static final String BOUNDARY = "(?:(?<=" + W + ")(?!" + W + ")|(?<!" + W + ")(?=" + W + "))";
    private static final String NOT_BOUNDARY = "(?:(?<=" + W + ")(?=" + W + ")|(?<!" + W + ")(?!" + W + "))";
    private static final Set<String> CATEGORIES = Set.of("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt",
            "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S",
            "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");

    private final String s;
    private int pos;
    private final StringBuilder out = new StringBuilder();

    private Re2Translator(String s) {
        this.s = s;
    }

    /** Compiles the RE2 expression {@code re2} to a Java pattern that matches exactly the same strings. */
    static Pattern translate(String re2) throws InvalidRegexException {
        Re2Translator t = new Re2Translator(re2);
        t.expression();
        try {
            return Pattern.compile(t.out.toString());
        } catch (PatternSyntaxException e) {
            throw new InvalidRegexException(e.getDescription());
        }
    }

    private void expression() throws InvalidRegexException {
        int depth = 0;
        while (pos < s.length()) {
            int c = s.codePointAt(pos);
            pos += Character.charCount(c);
            switch (c) {
                case '\\' -> escape();
                case '[' -> out.append(characterClass());
                case '(' -> {
                    out.append("(?:");
                    depth++;
                }
                case ')' -> {
                    if (depth-- == 0) {
                        throw new InvalidRegexException("unexpected )");
                    }
                    out.append(')');
                }
                case '|', '*', '+', '?' -> out.appendCodePoint(c);
                case '.' -> out.append("[^\\n]");
                case '^' -> out.append("\\A");
                case '$' -> out.append("\\z");
                default -> literal(c);
            }
        }
        if (depth != 0) {
            throw new InvalidRegexException("missing closing )");
        }
    }

    private void literal(int c) {
        out.append("\\x{").append(Integer.toHexString(c)).append('}');
    }

    private void escape() throws InvalidRegexException {
        if (pos >= s.length()) {
            throw new InvalidRegexException("trailing backslash at end of expression");
        }
        char c = s.charAt(pos);
        switch (c) {
            case 'A' -> out.append("\\A");
            case 'z' -> out.append("\\z");
            case 'b' -> out.append(BOUNDARY);
            case 'B' -> out.append(NOT_BOUNDARY);
            case 'Q' -> {
                int end = s.indexOf("\\E", pos + 1);
                s.substring(pos + 1, end < 0 ? s.length() : end).codePoints().forEach(this::literal);
                pos = end < 0 ? s.length() : end + 2;
                return;
            }
            case 'p', 'P' -> {
                pos--;
                out.append(unicodeClass());
                return;
            }
            case 'd', 'D', 's', 'S', 'w', 'W' -> out.append('[').append(perlClass(c)).append(']');
            default -> {
                literal(escapedChar());
                return;
            }
        }
        pos++;
    }

    /** Reads the single character an escape denotes; {@code pos} is just past the backslash. */
    private int escapedChar() throws InvalidRegexException {
        int c = s.codePointAt(pos);
        pos += Character.charCount(c);
        if (c >= '1' && c <= '7' && !(pos < s.length() && isOctal(s.charAt(pos)))) {
            throw new InvalidRegexException("invalid escape sequence: \\" + (char) c);
        }
        if (c >= '0' && c <= '7') {
            int value = c - '0';
            for (int i = 1; i < 3 && pos < s.length() && isOctal(s.charAt(pos)); i++) {
                value = value * 8 + s.charAt(pos++) - '0';
            }
            return value;
        }
        return switch (c) {
            case 'x' -> hexEscape();
            case 'a' -> 7;
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0B;
            default -> {
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                    yield c;
                }
                throw new InvalidRegexException("invalid escape sequence: \\" + Character.toString(c));
            }
        };
    }

    private int hexEscape() throws InvalidRegexException {
        if (pos < s.length() && s.charAt(pos) == '{') {
            int close = s.indexOf('}', pos);
            long value = 0;
            for (int i = pos + 1; i < close; i++) {
                if (!isHex(s.charAt(i)) || (value = value * 16 + Character.digit(s.charAt(i), 16))
                        > Character.MAX_CODE_POINT) {
                    throw new InvalidRegexException("invalid escape sequence: \\x");
                }
            }
            if (close < pos + 2) {
                throw new InvalidRegexException("invalid escape sequence: \\x");
            }
            pos = close + 1;
            return (int) value;
        }
        if (pos + 2 > s.length() || !isHex(s.charAt(pos)) || !isHex(s.charAt(pos + 1))) {
            throw new InvalidRegexException("invalid escape sequence: \\x");
        }
        pos += 2;
        return Integer.parseInt(s.substring(pos - 2, pos), 16);
    }

    /** A bracketed class; {@code pos} is just past '['. */
    private String characterClass() throws InvalidRegexException {
        StringBuilder cls = new StringBuilder("[");
        if (pos < s.length() && s.charAt(pos) == '^') {
            cls.append('^');
            pos++;
        }
        boolean first = true;
        while (pos >= s.length() || s.charAt(pos) != ']' || first) {
            if (pos >= s.length()) {
                throw new InvalidRegexException("missing closing ]");
            }
            first = false;
            if (s.startsWith("[:", pos) && s.indexOf(":]", pos + 2) >= 0) {
                int end = s.indexOf(":]", pos + 2) + 2;
                cls.append(CharClasses.posix(s.substring(pos, end)));
                pos = end;
            } else if (s.startsWith("\\p", pos) || s.startsWith("\\P", pos)) {
                cls.append(unicodeClass());
            } else if (pos + 1 < s.length() && s.charAt(pos) == '\\' && "dDsSwW".indexOf(s.charAt(pos + 1)) >= 0) {
                cls.append(perlClass(s.charAt(pos + 1)));
                pos += 2;
            } else {
                int lo = classChar();
                int hi = lo;
                if (pos + 1 < s.length() && s.charAt(pos) == '-' && s.charAt(pos + 1) != ']') {
                    pos++;
                    hi = classChar();
                    if (hi < lo) {
                        throw new InvalidRegexException("invalid character class range");
                    }
                }
                cls.append(CharClasses.range(lo, hi));
            }
        }
        pos++;
        return cls.append(']').toString();
    }

    private int classChar() throws InvalidRegexException {
        if (pos >= s.length()) {
            throw new InvalidRegexException("missing closing ]");
        }
        if (s.charAt(pos) == '\\') {
            pos++;
            if (pos >= s.length()) {
                throw new InvalidRegexException("trailing backslash at end of expression");
            }
            return escapedChar();
        }
        int c = s.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    /** {@code \pN}, {@code \p{Name}}, {@code \P…}, {@code \p{^Name}}, starting at the backslash. */
    private String unicodeClass() throws InvalidRegexException {
        boolean negated = s.charAt(pos + 1) == 'P';
        pos += 2;
        if (pos >= s.length()) {
            throw new InvalidRegexException("invalid character class range");
        }
        String name;
        if (s.charAt(pos) == '{') {
            int close = s.indexOf('}', pos);
            if (close < 0) {
                throw new InvalidRegexException("invalid character class range");
            }
            name = s.substring(pos + 1, close);
            pos = close + 1;
        } else {
            int c = s.codePointAt(pos);
            pos += Character.charCount(c);
            name = Character.toString(c);
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String property;
        if (name.equals("Any")) {
            return negated ? "[^\\x{0}-\\x{10ffff}]" : "[\\x{0}-\\x{10ffff}]";
        } else if (CATEGORIES.contains(name)) {
            property = name;
        } else {
            try {
                property = "script=" + Character.UnicodeScript.forName(name).name().toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new InvalidRegexException("invalid character class range: " + name);
            }
        }
        return (negated ? "\\P{" : "\\p{") + property + "}";
    }

    private static String perlClass(char c) {
        int[] ranges = switch (Character.toLowerCase(c)) {
            case 'd' -> CharClasses.DIGIT;
            case 's' -> CharClasses.PERL_SPACE;
            default -> CharClasses.WORD;
        };
        return Character.isUpperCase(c) ? CharClasses.complement(ranges) : CharClasses.toJava(ranges);
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static boolean isHex(int c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
