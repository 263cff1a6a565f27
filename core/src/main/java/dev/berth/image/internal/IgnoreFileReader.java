package dev.berth.image.internal;

import dev.berth.internal.Utf8;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code .dockerignore} text into pattern lines as moby's {@code ignorefile.ReadAll} does. */
public final class IgnoreFileReader {
    /**
     * The longest line Docker reads, in bytes: {@code ReadAll} scans lines with Go's {@code bufio.Scanner}, whose
     * default buffer of 64 KiB must hold the line and its '\n', and fails with "token too long" otherwise.
     */
    public static final int MAX_LINE_BYTES = 65_535;

    /** One pattern, the 1-based line it came from and the 1-based column where it starts on that line. */
    public record Line(int number, int column, String pattern) {
        /** A pattern given on its own (no file): the column is where it starts after leading white space. */
        public static Line of(int number, String raw) {
            return new Line(number, startColumn(raw), raw);
        }
    }

    /** A line Berth cannot read: not UTF-8, or longer than Docker reads. Names its 1-based line and column. */
    public static final class BadLineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;

        BadLineException(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private IgnoreFileReader() {
    }

    /**
     * Strips a BOM, skips lines starting with '#' and blank lines, trims, cleans, strips one leading '/' and keeps a
     * leading '!'; a bare '!' is returned as is (it is refused later, when the patterns are loaded).
     *
     * @throws BadLineException for a line longer than {@link #MAX_LINE_BYTES} in UTF-8
     */
    public static List<Line> readAll(String content) {
        List<Line> lines = new ArrayList<>();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            if (end < 0) {
                end = text.length();
            }
            number++;
            if (Utf8.length(text, start, end) > MAX_LINE_BYTES) {
                throw tooLong(number);
            }
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            String raw = text.substring(start, end);
            String pattern = normalize(raw);
            if (pattern != null) {
                lines.add(new Line(number, startColumn(raw), pattern));
            }
            start = next;
        }
        return lines;
    }

    /**
     * Decodes the bytes of a {@code .dockerignore} file for {@link #readAll}: a comment line may hold any bytes, since
     * Docker skips it unread, but a pattern line must be UTF-8, because Berth matches paths as Unicode text.
     *
     * @throws BadLineException for a pattern line that is not UTF-8 or a line longer than {@link #MAX_LINE_BYTES}
     */
    public static String decode(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        int number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            if (end - start > MAX_LINE_BYTES) {
                throw tooLong(number);
            }
            if (bytes[start] == '#') {
                text.append('#'); // what follows the '#' is never read
            } else {
                try {
                    text.append(Utf8.decode(bytes, start, end));
                } catch (Utf8.MalformedException e) {
                    throw new BadLineException(number, e.column(), "is not UTF-8: " + e.getMessage()
                            + "; save the file as UTF-8 (Berth matches file names as Unicode text)");
                }
            }
            if (end < bytes.length) {
                text.append('\n');
            }
            start = end + 1;
        }
        return text.toString();
    }

    private static BadLineException tooLong(int number) {
        return new BadLineException(number, 1, "is longer than " + MAX_LINE_BYTES + " bytes, which Docker refuses"
                + " too (bufio.Scanner: token too long); shorten the line");
    }

    /** One more than the code points of white space that precede the pattern. */
    static int startColumn(String raw) {
        int i = 0;
        int column = 1;
        while (i < raw.length() && GoPaths.isSpace(raw.codePointAt(i))) {
            i += Character.charCount(raw.codePointAt(i));
            column++;
        }
        return i == raw.length() ? 1 : column;
    }

    private static String normalize(String line) {
        if (line.startsWith("#")) {
            return null;
        }
        String pattern = GoPaths.trimSpace(line);
        if (pattern.isEmpty()) {
            return null;
        }
        boolean invert = pattern.charAt(0) == '!';
        if (invert) {
            pattern = GoPaths.trimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = GoPaths.clean(pattern);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
        }
        return invert ? "!" + pattern : pattern;
    }
}
