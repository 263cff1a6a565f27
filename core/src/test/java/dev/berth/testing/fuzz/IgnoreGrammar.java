package dev.berth.testing.fuzz;

import java.util.List;
import java.util.Random;

/** Mutations of {@code .dockerignore} files: exclusions toggled, patterns and comments swapped, huge globs. */
public final class IgnoreGrammar implements Grammar {
    private static final List<String> PATTERNS = List.of("[a-z]", "[^/]", "[]", "[!", "[", "]", "\\", "[a-]", "[z-a]",
            "[[:alpha:]]", "[\\d]", "\\d", "\\pL", "\\p{Greek}", "\\p{Nope}", "\\Q*\\E", "\\x{41}", "\\x{110000}",
            "\\1", "a{2}", "(a|b)", "a\\", "*", "**", "**/", "/**", "?", "!", "!!", "# not a comment", "../x", "./",
            ".", "/", "//", "\\*", "\\[", "[\\]]", "[^]", "[a-\\]");
    private static final List<String> TOKENS = List.of("*", "**", "?", "[", "]", "[^", "[!", "\\", "!", "/", "../",
            "./", "#", " ", "\t", "\n", "\r", "{", "}", ",", "-", "[a-", "\\Q", "\\E", "\\p{", "\\x{", "[:alpha:]",
            "(", ")", "|", "+", "$", "^", "\u00e9", "\u00a0", "\uFEFF", "\u2028");

    @Override
    public List<String> tokens() {
        return TOKENS;
    }

    /** Toggles '!', turns a pattern into a comment or a comment into a pattern, a name into a directory or class. */
    @Override
    public String typeSwap(String text, Random r) {
        List<String> lines = Text.lines(text);
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        String swapped = switch (r.nextInt(4)) {
            case 0 -> line.startsWith("!") ? line.substring(1) : "!" + line;
            case 1 -> line.startsWith("#") ? line.substring(1) : "#" + line;
            case 2 -> Text.any(r, line + "/", line + "/**", "**/" + line, "/" + line, line + "/*", "!" + line + "/");
            default -> Text.any(PATTERNS, r);
        };
        lines.set(i, swapped);
        return Text.join(lines);
    }

    @Override
    public String hugeValue(String text, Random r) {
        int size = Text.hugeSize(r);
        int stars = 5 + r.nextInt(60);
        String huge = switch (r.nextInt(7)) {
            case 0 -> "a".repeat(size);
            case 1 -> "*a".repeat(stars) + Text.any(r, "b", "", "/b", "?");
            case 2 -> "**/".repeat(stars) + Text.any(r, "x", "*", "a*");
            case 3 -> "pattern\n".repeat(Math.min(size, 20_000));
            case 4 -> "[" + "a".repeat(size) + "]";
            case 5 -> "\\".repeat(size);
            default -> Text.any(r, "[".repeat(size), "*?".repeat(stars * 10), "a/".repeat(size / 2) + "*");
        };
        return r.nextBoolean() ? text + "\n" + huge + "\n" : Text.insertInLine(text, huge, r);
    }
}
