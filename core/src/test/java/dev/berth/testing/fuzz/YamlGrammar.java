package dev.berth.testing.fuzz;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mutations of Compose files (YAML): values of other types, anchor and alias abuse, huge and deep values. */
public final class YamlGrammar implements Grammar {
    /** A block mapping entry: indentation, an optional "- ", the key, and the inline value if any. */
    private static final Pattern KEY = Pattern.compile("^( *)(- +)?([^\\s:#'\"\\[{&*!-][^:#]*?):(?: +(.*))?$");
    private static final Pattern ITEM = Pattern.compile("^( *)- +(.*)$");
    private static final List<String> VALUES = List.of("42", "-1", "0", "3.5", "1e400", "true", "no", "null", "~",
            "''", "\"\"", "text", "\"quoted text\"", "[]", "[a, 1, true]", "[[1], {a: b}]", "{}", "{a: b}",
            "{a: [1, 2]}", "0x7fffffff", "99999999999999999999", "0o17", ".inf", "-.nan", "2001-12-14", "!!binary aGk=",
            "!!int abc", "!!float x", "!!bool maybe", "!!map {}", "!reset", "!override [1]", "!!null x", "|", ">-");
    private static final List<String> TOKENS = List.of(":", ": ", "-", "- ", "{", "}", "[", "]", "$", "${", "$$", "}",
            "${A:-${B}}", "${A?}", "${A:?err}", "${A:+x}", "\"", "'", " ", "\n", "\t", "*a", "&a ", "!reset ",
            "!override ", "<<: ", "~", "#", ",", "=", "null", "true", "0x", "9999999999999999999", "services:",
            "image:", "ports:", "volumes:", "networks:", "build:", "extends: x", "include: [x]", "depends_on: [x]",
            "secrets: [x]", "configs: [x]", "profiles: [x]", "x-a: ", "---\n", "...\n", "%YAML 1.2\n", "? ", "|",
            ">", "!!str ", "!!int ", "\u00e9", "\\", "\u00a0", "\uFEFF", "\u2028");

    @Override
    public List<Mutation> mutations() {
        return List.of(Mutation.values());
    }

    @Override
    public List<String> tokens() {
        return TOKENS;
    }

    /** Replaces a scalar by a list or mapping (or the other way round), or a block by a value of another type. */
    @Override
    public String typeSwap(String text, Random r) {
        List<String> lines = Text.lines(text);
        int i = Text.pick(lines, r, l -> KEY.matcher(l).matches() || ITEM.matcher(l).matches());
        if (i < 0) {
            return text;
        }
        String line = lines.get(i);
        String value = Text.any(VALUES, r);
        Matcher k = KEY.matcher(line);
        if (!k.matches()) {
            Matcher item = ITEM.matcher(line);
            item.matches();
            lines.set(i, item.group(1) + "- " + value);
            return Text.join(lines);
        }
        String head = line.substring(0, k.end(3) + 1);
        int end = Text.blockEnd(lines, i);
        if (k.group(4) != null && !k.group(4).isBlank() || end == i + 1) {
            lines.set(i, head + " " + value);
        } else if (r.nextBoolean()) {
            lines.subList(i + 1, end).clear();
            lines.set(i, head + " " + value);
        } else {
            flipBlock(lines, i + 1, end);
        }
        return Text.join(lines);
    }

    /** Turns the direct children of a block from mapping entries into list items, or from items into entries. */
    private static void flipBlock(List<String> lines, int from, int end) {
        int child = Text.indent(lines.get(from));
        for (int j = from; j < end; j++) {
            String l = lines.get(j);
            if (l.isBlank() || Text.indent(l) != child) {
                continue;
            }
            String body = l.substring(child);
            String flipped = body.startsWith("- ") ? "k" + j + ": " + body.substring(2) : "- " + body;
            lines.set(j, " ".repeat(child) + flipped);
        }
    }

    @Override
    public String badAnchor(String text, Random r) {
        List<String> lines = Text.lines(text);
        switch (r.nextInt(7)) {
            case 0 -> setValue(lines, r, "*" + Text.any(r, "undefined", "a", "x-nope"));
            case 1 -> selfReference(lines, r);
            case 2 -> lines.addAll(aliasBomb(2 + r.nextInt(10), 2 + r.nextInt(9)));
            case 3 -> insertChild(lines, r, "<<: " + Text.any(r, "*undefined", "5", "[1, 2]", "{}", "[*a]", "null",
                    "\"text\"", "&m {a: *m}"));
            case 4 -> {
                int i = Text.pick(lines, r, l -> KEY.matcher(l).matches());
                if (i >= 0) {
                    int indent = Text.indent(lines.get(i));
                    lines.set(i, " ".repeat(indent) + "&k " + lines.get(i).substring(indent));
                    lines.add(i + 1, " ".repeat(indent) + "*k : duplicate");
                }
            }
            case 5 -> {
                lines.add("x-first: &dup {a: 1}");
                lines.add("x-second: &dup [1, 2]");
                setValue(lines, r, "*dup");
            }
            default -> {
                int keys = 10 + r.nextInt(2_000);
                int uses = 10 + r.nextInt(2_000);
                StringBuilder big = new StringBuilder("x-big: &big {");
                for (int n = 0; n < keys; n++) {
                    big.append(n == 0 ? "" : ", ").append('k').append(n).append(": v");
                }
                lines.add(big.append('}').toString());
                lines.add("x-uses: [" + "*big, ".repeat(uses - 1) + "*big]");
            }
        }
        return Text.join(lines);
    }

    private static void selfReference(List<String> lines, Random r) {
        int i = Text.pick(lines, r, l -> {
            Matcher m = KEY.matcher(l);
            return m.matches() && m.group(4) == null;
        });
        if (i < 0 || Text.blockEnd(lines, i) == i + 1) {
            lines.add(Text.any(r, "x-loop: &loop [*loop]", "x-loop: &loop {a: *loop}", "x-loop: &loop {<<: *loop}"));
            return;
        }
        lines.set(i, lines.get(i) + " &self");
        String child = lines.get(i + 1);
        int indent = Text.indent(child);
        boolean list = child.substring(indent).startsWith("- ");
        lines.add(i + 1, " ".repeat(indent) + (list ? "- *self" : Text.any(r, "x-self: *self", "<<: *self")));
    }

    /** The classic "billion laughs": each level lists the previous one {@code width} times. */
    static List<String> aliasBomb(int levels, int width) {
        List<String> out = new java.util.ArrayList<>();
        out.add("x-l0: &l0 [" + "lol, ".repeat(width - 1) + "lol]");
        for (int l = 1; l <= levels; l++) {
            out.add("x-l" + l + ": &l" + l + " [" + ("*l" + (l - 1) + ", ").repeat(width - 1) + "*l" + (l - 1) + "]");
        }
        return out;
    }

    @Override
    public String hugeValue(String text, Random r) {
        List<String> lines = Text.lines(text);
        int size = Text.hugeSize(r);
        int depth = Text.depth(r);
        switch (r.nextInt(8)) {
            case 0 -> {
                String quote = Text.any(r, "", "\"", "'");
                setValue(lines, r, quote + "a".repeat(size) + quote);
            }
            case 1 -> setValue(lines, r, Text.any(r, "", "-", "0x", "0.") + "9".repeat(Math.min(size, 20_000))
                    + Text.any(r, "", "e999999999", ".5", "MB", "s"));
            case 2 -> setValue(lines, r, r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{a: ".repeat(depth) + "b" + "}".repeat(depth));
            case 3 -> {
                lines.add("x-deep:");
                int levels = Math.min(depth, 1_500);
                for (int d = 1; d <= levels; d++) {
                    lines.add(" ".repeat(d) + (r.nextBoolean() ? "- " : "a:"));
                }
            }
            case 4 -> {
                int n = Math.min(size, 20_000);
                lines.add("x-many:");
                for (int e = 0; e < n; e++) {
                    lines.add("  k" + e + ": v" + e);
                }
            }
            case 5 -> lines.add("x-" + "k".repeat(size) + ": v");
            case 6 -> setValue(lines, r, Text.any(r, "${A:-".repeat(Math.min(depth, 20_000)) + "x"
                    + "}".repeat(Math.min(depth, 20_000)), "$".repeat(size), "${" + "A".repeat(size) + "}",
                    "$${".repeat(Math.min(size, 20_000))));
            default -> {
                return Text.insertInLine(text, "x".repeat(size), r);
            }
        }
        return Text.join(lines);
    }

    /** Replaces the inline value of a random mapping entry or list item (or adds an x- entry when none has one). */
    private static void setValue(List<String> lines, Random r, String value) {
        int i = Text.pick(lines, r, l -> {
            Matcher k = KEY.matcher(l);
            return k.matches() && k.group(4) != null && !k.group(4).isBlank() || ITEM.matcher(l).matches();
        });
        if (i < 0) {
            lines.add("x-value: " + value);
            return;
        }
        String line = lines.get(i);
        Matcher k = KEY.matcher(line);
        if (k.matches()) {
            lines.set(i, line.substring(0, k.end(3) + 1) + " " + value);
        } else {
            int dash = line.indexOf('-');
            lines.set(i, line.substring(0, dash) + "- " + value);
        }
    }

    /** Adds a line as the first child of a random block mapping entry (or at the top level when there is none). */
    private static void insertChild(List<String> lines, Random r, String child) {
        int i = Text.pick(lines, r, l -> {
            Matcher k = KEY.matcher(l);
            return k.matches() && k.group(4) == null;
        });
        if (i < 0 || i + 1 >= lines.size()) {
            lines.add(0, child);
            return;
        }
        lines.add(i + 1, " ".repeat(Text.indent(lines.get(i + 1))) + child);
    }
}
