package dev.berth.dockerfile.internal;

import java.util.List;

/** Exec-form arrays of Dockerfiles: a string quoter and array writer, and a strict string-array reader. */
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
     * Reads {@code text} as a JSON array of strings with Berth's one JSON reader ({@link dev.berth.internal.Json},
     * strict and as deep as Go's {@code encoding/json}), or returns null when it is not a valid JSON array (BuildKit
     * then falls back to shell form).
     *
     * @throws NotStringArrayException when it is a valid JSON array holding a non-string
     */
    public static List<String> parseStringArray(String text) {
        List<String> items = dev.berth.internal.Json.stringArray(text);
        if (items != null && items.contains(null)) {
            throw new NotStringArrayException();
        }
        return items;
    }
}
