package dev.berth.dockerfile.internal;

import java.util.ArrayList;
import java.util.List;

/** Tiny JSON helpers for exec-form arrays: a string quoter and a strict string-array reader. */
public final class Json {
    private Json() {}

    /** Thrown when text is a valid JSON array but holds something other than strings (BuildKit refuses it). */
    public static final class NotStringArrayException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotStringArrayException() {
            super("when using JSON array syntax, arrays must be comprised of strings only");
        }
    }

    /** Appends {@code s} as a JSON string literal; the output never contains a raw control character. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Returns {@code s} as a JSON array of strings, e.g. {@code ["a","b"]}. */
    public static String array(List<String> items) {
        StringBuilder out = new StringBuilder();
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            quote(out, items.get(i));
        }
        return out.append(']').toString();
    }

    /**
     * Reads {@code text} as a JSON array of strings, or returns null when it is not a valid JSON array (BuildKit then
     * falls back to shell form).
     *
     * @throws NotStringArrayException when it is a valid JSON array holding a non-string
     */
    public static List<String> parseStringArray(String text) {
        Reader r = new Reader(text);
        r.skipWs();
        if (r.pos >= text.length() || text.charAt(r.pos) != '[') {
            return null;
        }
        try {
            List<String> items = new ArrayList<>();
            boolean allStrings = r.readArray(items);
            r.skipWs();
            if (r.pos != text.length()) {
                return null;
            }
            if (!allStrings) {
                throw new NotStringArrayException();
            }
            return items;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static final class Reader {
        /** Go's {@code encoding/json} nesting limit. */
        private static final int MAX_DEPTH = 10_000;

        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        void skipWs() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        char peek() {
            if (pos >= s.length()) {
                throw new IllegalStateException("eof");
            }
            return s.charAt(pos);
        }

        /** Reads an array at pos; collects strings into items when non-null; returns whether all were strings. */
        boolean readArray(List<String> items) {
            pos++; // '['
            skipWs();
            boolean allStrings = true;
            if (peek() == ']') {
                pos++;
                return true;
            }
            while (true) {
                skipWs();
                if (peek() == '"') {
                    String v = readString();
                    if (items != null) {
                        items.add(v);
                    }
                } else {
                    readValue();
                    allStrings = false;
                }
                skipWs();
                char c = peek();
                pos++;
                if (c == ']') {
                    return allStrings;
                }
                if (c != ',') {
                    throw new IllegalStateException("expected , or ]");
                }
            }
        }

        /**
         * Skips one JSON value inside the top-level array. Iterative, so that deep nesting cannot overflow the stack;
         * like Go's {@code encoding/json}, more than {@value #MAX_DEPTH} levels (the top-level array included) are
         * not valid JSON.
         */
        void readValue() {
            StringBuilder closers = new StringBuilder(); // the ']' or '}' each open container still needs
            while (true) {
                skipWs();
                char c = peek();
                if (c == '[' || c == '{') {
                    if (closers.length() + 2 > MAX_DEPTH) {
                        throw new IllegalStateException("exceeded max depth");
                    }
                    pos++;
                    closers.append(c == '[' ? ']' : '}');
                    skipWs();
                    if (peek() != closers.charAt(closers.length() - 1)) {
                        if (c == '{') {
                            readKey();
                        }
                        continue; // the container's first value
                    }
                    pos++;
                    closers.setLength(closers.length() - 1);
                } else {
                    readScalar(c);
                }
                if (!afterValue(closers)) {
                    return;
                }
            }
        }

        /** Consumes closers and one ',' (and the next key in an object); false once no container is open. */
        private boolean afterValue(StringBuilder closers) {
            while (closers.length() > 0) {
                skipWs();
                char c = peek();
                pos++;
                char closer = closers.charAt(closers.length() - 1);
                if (c == closer) {
                    closers.setLength(closers.length() - 1);
                    continue;
                }
                if (c != ',') {
                    throw new IllegalStateException("expected , or " + closer);
                }
                if (closer == '}') {
                    skipWs();
                    readKey();
                }
                return true;
            }
            return false;
        }

        private void readKey() {
            if (peek() != '"') {
                throw new IllegalStateException("key");
            }
            readString();
            skipWs();
            if (peek() != ':') {
                throw new IllegalStateException(":");
            }
            pos++;
        }

        private void readScalar(char c) {
            if (c == '"') {
                readString();
            } else if (s.startsWith("true", pos)) {
                pos += 4;
            } else if (s.startsWith("false", pos)) {
                pos += 5;
            } else if (s.startsWith("null", pos)) {
                pos += 4;
            } else {
                readNumber();
            }
        }

        void readNumber() {
            int start = pos;
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
            }
            int digits = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == digits || (s.charAt(digits) == '0' && pos - digits > 1)) {
                throw new IllegalStateException("number at " + start);
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                int f = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == f) {
                    throw new IllegalStateException("fraction");
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                int e = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == e) {
                    throw new IllegalStateException("exponent");
                }
            }
        }

        String readString() {
            pos++; // opening quote
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new IllegalStateException("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new IllegalStateException("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new IllegalStateException("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw new IllegalStateException("bad escape");
                }
            }
        }
    }
}
