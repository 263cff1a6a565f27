package dev.berth.image.internal;

/**
 * The syntax check Docker runs on each pattern: true where Go's {@code filepath.Match} reports no
 * {@code ErrBadPattern} (Unix rules: {@code \} escapes, {@code [^…]} and {@code [a-z]} classes).
 */
final class GlobSyntax {
    private GlobSyntax() {
    }

    /** True if Go's {@code filepath.Match} would accept {@code pattern} as well-formed. */
    static boolean isValid(String pattern) {
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            while (i < n && pattern.charAt(i) == '*') {
                i++;
            }
            int end = chunkEnd(pattern, i);
            if (!isValidChunk(pattern, i, end)) {
                return false;
            }
            i = end;
        }
        return true;
    }

    /** A chunk runs to the next star that is not inside brackets. */
    private static int chunkEnd(String p, int from) {
        boolean inRange = false;
        for (int i = from; i < p.length(); i++) {
            switch (p.charAt(i)) {
                case '\\' -> {
                    if (i + 1 < p.length()) {
                        i++;
                    }
                }
                case '[' -> inRange = true;
                case ']' -> inRange = false;
                case '*' -> {
                    if (!inRange) {
                        return i;
                    }
                }
                default -> {
                }
            }
        }
        return p.length();
    }

    private static boolean isValidChunk(String p, int from, int to) {
        int i = from;
        while (i < to) {
            char c = p.charAt(i);
            if (c == '[') {
                i = skipClass(p, i + 1, to);
                if (i < 0) {
                    return false;
                }
            } else if (c == '\\') {
                if (i + 1 >= to) {
                    return false;
                }
                i = next(p, i + 1);
            } else {
                i = next(p, i);
            }
        }
        return true;
    }

    /** Returns the index after the class that starts at {@code i} (just past '['), or -1 if malformed. */
    private static int skipClass(String p, int i, int to) {
        if (i < to && p.charAt(i) == '^') {
            i++;
        }
        int ranges = 0;
        while (true) {
            if (i < to && p.charAt(i) == ']' && ranges > 0) {
                return i + 1;
            }
            i = skipClassChar(p, i, to);
            if (i < 0) {
                return -1;
            }
            if (p.charAt(i) == '-') {
                i = skipClassChar(p, i + 1, to);
                if (i < 0) {
                    return -1;
                }
            }
            ranges++;
        }
    }

    /** One possibly escaped class character; -1 if missing, a bare '-' or ']', or the chunk ends right after. */
    private static int skipClassChar(String p, int i, int to) {
        if (i >= to || p.charAt(i) == '-' || p.charAt(i) == ']') {
            return -1;
        }
        if (p.charAt(i) == '\\') {
            i++;
            if (i >= to) {
                return -1;
            }
        }
        i = next(p, i);
        return i >= to ? -1 : i;
    }

    private static int next(String p, int i) {
        return i + Character.charCount(p.codePointAt(i));
    }
}
