package dev.berth.testing.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** Line-level helpers shared by the grammars. */
final class Text {
    private Text() {
    }

    /** The lines of {@code text}, split on '\n'; {@link #join} puts them back. */
    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    /** A random index of a line that satisfies {@code p}, or -1 when none does. */
    static int pick(List<String> lines, Random r, Predicate<String> p) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? -1 : candidates.get(r.nextInt(candidates.size()));
    }

    static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The index after the block under line {@code i}: the following lines that are blank or indented deeper. */
    static int blockEnd(List<String> lines, int i) {
        int own = indent(lines.get(i));
        int end = i + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > own)) {
            end++;
        }
        while (end > i + 1 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return end;
    }

    static <T> T any(List<T> items, Random r) {
        return items.get(r.nextInt(items.size()));
    }

    @SafeVarargs
    static <T> T any(Random r, T... items) {
        return items[r.nextInt(items.length)];
    }

    /** A size for a huge value: mostly thousands of characters, sometimes tens of thousands, now and then a million. */
    static int hugeSize(Random r) {
        int roll = r.nextInt(20);
        return roll < 10 ? 1_000 + r.nextInt(4_000) : roll < 17 ? 20_000 + r.nextInt(80_000) : 1_000_000;
    }

    /** A nesting depth: tens, hundreds, thousands or a hundred thousand levels. */
    static int depth(Random r) {
        return Text.any(r, 20, 200, 1_000 + r.nextInt(1_000), 10_000, 100_000);
    }

    /** Inserts {@code insert} at a random position of a random line (or appends it to an empty text). */
    static String insertInLine(String text, String insert, Random r) {
        List<String> lines = lines(text);
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        int at = r.nextInt(line.length() + 1);
        lines.set(i, line.substring(0, at) + insert + line.substring(at));
        return join(lines);
    }
}
