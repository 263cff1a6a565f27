package dev.berth.image.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code .dockerignore} text into pattern lines as moby's {@code ignorefile.ReadAll} does. */
public final class IgnoreFileReader {
    /** One pattern and the 1-based line it came from. */
    public record Line(int number, String pattern) {
    }

    private IgnoreFileReader() {
    }

    /**
     * Strips a BOM, skips lines starting with '#' and blank lines, trims, cleans, strips one leading '/' and keeps a
     * leading '!'; a bare '!' is returned as is (it is refused later, when the patterns are loaded).
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
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            number++;
            String pattern = normalize(text.substring(start, end));
            if (pattern != null) {
                lines.add(new Line(number, pattern));
            }
            start = next;
        }
        return lines;
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
