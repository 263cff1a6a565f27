package dev.berth.compose.internal;

/**
 * Dotted paths ({@code services.web.ports.0}) and the patterns compose-go matches them with, where {@code *} stands
 * for any one segment.
 */
final class Paths {
    private Paths() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static final String[] INDEXES = new String[256];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = Integer.toString(i);
        }
    }

    /** {@code Integer.toString(i)}, shared for small list indexes. */
    static String index(int i) {
        return i >= 0 && i < INDEXES.length ? INDEXES[i] : Integer.toString(i);
    }

    static String[] split(String path) {
        return path.isEmpty() ? new String[0] : path.split("\\.", -1);
    }

    /** Whether {@code segments} matches {@code pattern} segment by segment; {@code *} matches any segment. */
    static boolean matches(String[] segments, String[] pattern) {
        if (segments.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }
}
