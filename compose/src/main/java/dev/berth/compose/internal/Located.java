package dev.berth.compose.internal;

/** Internal failure that already knows its position (YAML syntax errors, bad keys). */
final class Located extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Mark mark;
    private final String path;

    Located(Mark mark, String path, String message) {
        super(message, null, false, false);
        this.mark = mark;
        this.path = path;
    }

    Mark mark() {
        return mark;
    }

    String path() {
        return path;
    }
}
