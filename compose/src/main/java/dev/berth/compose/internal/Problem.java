package dev.berth.compose.internal;

/**
 * Internal failure raised by a loader phase; names the dotted path of the offending key so that the loader can
 * attach the file, line and column before turning it into a {@code ComposeFileException}.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final transient java.nio.file.Path file;

    Problem(String path, String message) {
        this(path, null, message);
    }

    Problem(String path, java.nio.file.Path file, String message) {
        super(message, null, false, false);
        this.path = path == null ? "" : path;
        this.file = file;
    }

    String path() {
        return path;
    }

    java.nio.file.Path file() {
        return file;
    }
}
