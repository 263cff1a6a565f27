package dev.berth.image.internal;

import java.util.ArrayList;
import java.util.List;

/** Go's slash-path and whitespace rules that Docker's {@code .dockerignore} handling depends on. */
public final class GoPaths {
    private GoPaths() {
    }

    /** Returns the shortest equivalent of a slash path, as Go's {@code path.Clean} does. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> kept = new ArrayList<>();
        int fixed = 0; // leading ".." elements of a relative path that nothing can cancel
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (!element.equals("..")) {
                kept.add(element);
            } else if (kept.size() > fixed) {
                kept.remove(kept.size() - 1);
            } else if (!rooted) {
                kept.add("..");
                fixed++;
            }
        }
        String joined = String.join("/", kept);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Returns all but the last element of a slash path, cleaned, as Go's {@code filepath.Dir} does. */
    public static String dir(String path) {
        return clean(path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** Strips leading and trailing white space as Go's {@code strings.TrimSpace} defines it. */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** True for the code points Go's {@code unicode.IsSpace} accepts. */
    static boolean isSpace(int c) {
        switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }
}
