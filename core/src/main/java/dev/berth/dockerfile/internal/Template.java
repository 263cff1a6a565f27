package dev.berth.dockerfile.internal;

/**
 * Value templates of ENV, LABEL and ARG: text in which {@code $name} and {@code ${...}} are variable references,
 * {@code \$} is a literal dollar sign and {@code \\} a literal backslash before {@code $} or {@code \}; every other
 * character stands for itself.
 *
 * <p>{@link #lex} reads a Dockerfile word the way BuildKit's shell lexer does (quotes and escapes removed, variable
 * references kept), {@link #canonical} gives the one spelling of a template, and {@link #write} renders it for the
 * Dockerfile grammar with a given escape character.
 */
public final class Template {
    private Template() {}

    /** Returns the canonical spelling of a template, so that equal meanings have equal strings. */
    public static String canonical(String template) {
        StringBuilder out = new StringBuilder(template.length() + 4);
        Cursor c = new Cursor(template);
        new Decoder(template).decode(c);
        return c.finish(out);
    }

    /**
     * Reads a raw Dockerfile word (quotes, escapes, variable references) into a canonical template; an unterminated
     * quote runs to the end of the word.
     */
    public static String lex(String word, char escape) {
        Cursor c = new Cursor(word);
        int i = 0;
        int n = word.length();
        while (i < n) {
            char ch = word.charAt(i);
            if (ch == '\'') {
                int end = word.indexOf('\'', i + 1);
                if (end < 0) {
                    end = n; // unterminated: the rest is literal (BuildKit would fail the build here)
                }
                for (int k = i + 1; k < end; k++) {
                    c.literal(word.charAt(k));
                }
                i = end + 1;
            } else if (ch == '"') {
                i = lexDoubleQuoted(word, i + 1, escape, c);
            } else if (ch == '$') {
                i = dollar(word, i, c);
            } else if (ch == escape) {
                if (i + 1 < n) {
                    c.literal(word.charAt(i + 1));
                }
                i += 2;
            } else {
                c.literal(ch);
                i++;
            }
        }
        return c.finish(new StringBuilder(word.length()));
    }

    private static int lexDoubleQuoted(String word, int i, char escape, Cursor c) {
        int n = word.length();
        while (i < n) {
            char ch = word.charAt(i);
            if (ch == '"') {
                return i + 1;
            }
            if (ch == '$') {
                i = dollar(word, i, c);
                continue;
            }
            if (ch == escape && i + 1 < n) {
                char next = word.charAt(i + 1);
                if (next == '"' || next == '$' || next == escape) {
                    c.literal(next);
                    i += 2;
                    continue;
                }
            } else if (ch == escape) {
                return n; // escape at end of word is dropped; BuildKit then reports the missing quote
            }
            c.literal(ch);
            i++;
        }
        return n; // unterminated: the rest is taken as quoted (BuildKit would fail the build here)
    }

    /** Consumes a {@code $} reference starting at i, or a literal {@code $}; returns the next index. */
    static int dollar(String s, int i, Cursor c) {
        int end = referenceEnd(s, i);
        if (end < 0) {
            c.literal('$');
            return i + 1;
        }
        c.reference(s.substring(i, end));
        return end;
    }

    /** Returns the end of the variable reference at i (which holds '$'), or -1 when the '$' is literal. */
    static int referenceEnd(String s, int i) {
        int n = s.length();
        if (i + 1 >= n) {
            return -1;
        }
        char next = s.charAt(i + 1);
        if (next == '{') {
            int depth = 0;
            for (int k = i + 1; k < n; k++) {
                char ch = s.charAt(k);
                if (ch == '{') {
                    depth++;
                } else if (ch == '}' && --depth == 0) {
                    return k + 1;
                }
            }
            return -1; // no closing brace: a literal '$' (BuildKit would fail the build here)
        }
        if (!isNameChar(next)) {
            return -1;
        }
        int k = i + 1;
        while (k < n && isNameChar(s.charAt(k))) {
            k++;
        }
        return k;
    }

    static boolean isNameChar(char ch) {
        return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    }

    /**
     * Whether the canonical template can be written without quotes. Linear in the template: a <code>${</code> inside a
     * reference already found to close is known to close too, so nested references are not scanned again.
     */
    public static boolean isBare(String template, char escape) {
        if (template.isEmpty()) {
            return false;
        }
        int closed = 0; // end of the outermost reference found so far
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (Character.isWhitespace(ch) || Words.isGoSpace(ch) || ch == '"' || ch == '\''
                    || ch == '\\' || ch == escape || ch == '`') {
                return false;
            }
            if (ch == '$' && !(i < closed && i + 1 < closed && template.charAt(i + 1) == '{')) {
                int end = referenceEnd(template, i);
                if (end < 0) {
                    return false;
                }
                closed = Math.max(closed, end);
            }
        }
        return true;
    }

    /** Writes the canonical template as a Dockerfile word: bare when safe, else double-quoted with escapes. */
    public static void write(StringBuilder out, String template, char escape) {
        if (isBare(template, escape)) {
            out.append(template);
            return;
        }
        out.append('"');
        int n = template.length();
        int i = 0;
        while (i < n) {
            char ch = template.charAt(i);
            if (ch == '\\' && i + 1 < n && (template.charAt(i + 1) == '$' || template.charAt(i + 1) == '\\')) {
                writeLiteral(out, template.charAt(i + 1), escape);
                i += 2;
            } else if (ch == '$') {
                int end = referenceEnd(template, i);
                if (end < 0) {
                    writeLiteral(out, '$', escape);
                    i++;
                } else {
                    out.append(template, i, end);
                    i = end;
                }
            } else {
                writeLiteral(out, ch, escape);
                i++;
            }
        }
        out.append('"');
    }

    private static void writeLiteral(StringBuilder out, char ch, char escape) {
        if (ch == '"' || ch == '$' || ch == escape) {
            out.append(escape);
        }
        out.append(ch);
    }

    /** Collects template tokens and spells them canonically. */
    static final class Cursor {
        private final StringBuilder tokens;
        // kinds: 'L' literal char, 'R' reference (text kept in refs)
        private final StringBuilder kinds = new StringBuilder();
        private final java.util.List<String> refs = new java.util.ArrayList<>();

        Cursor(String hint) {
            tokens = new StringBuilder(hint.length());
        }

        void literal(char ch) {
            kinds.append('L');
            tokens.append(ch);
        }

        void reference(String text) {
            kinds.append('R');
            tokens.append('\0');
            refs.add(text);
        }

        String finish(StringBuilder out) {
            int ref = 0;
            int n = kinds.length();
            for (int i = 0; i < n; i++) {
                if (kinds.charAt(i) == 'R') {
                    out.append(refs.get(ref++));
                    continue;
                }
                char ch = tokens.charAt(i);
                boolean hasNext = i + 1 < n;
                boolean nextIsRef = hasNext && kinds.charAt(i + 1) == 'R';
                char next = hasNext ? tokens.charAt(i + 1) : 0;
                if (ch == '$') {
                    boolean ambiguous = nextIsRef ? false : hasNext && (next == '{' || isNameChar(next));
                    out.append(ambiguous ? "\\$" : "$");
                } else if (ch == '\\') {
                    boolean ambiguous = nextIsRef || (hasNext && (next == '$' || next == '\\'));
                    out.append(ambiguous ? "\\\\" : "\\");
                } else {
                    out.append(ch);
                }
            }
            return out.toString();
        }
    }

    /** Decodes a (possibly non-canonical) template into tokens. */
    private record Decoder(String t) {
        void decode(Cursor c) {
            int n = t.length();
            int i = 0;
            while (i < n) {
                char ch = t.charAt(i);
                if (ch == '\\' && i + 1 < n && (t.charAt(i + 1) == '$' || t.charAt(i + 1) == '\\')) {
                    c.literal(t.charAt(i + 1));
                    i += 2;
                } else if (ch == '$') {
                    i = dollar(t, i, c);
                } else {
                    c.literal(ch);
                    i++;
                }
            }
        }
    }
}
