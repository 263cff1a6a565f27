package dev.berth.image.internal;

import java.util.Map;

/** RE2's ASCII Perl and POSIX classes as code point ranges, rendered as items of a Java character class. */
final class CharClasses {
    static final int[] DIGIT = {'0', '9'};
    static final int[] PERL_SPACE = {'\t', '\n', '\f', '\r', ' ', ' '};
    static final int[] WORD = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};

    private static final Map<String, int[]> POSIX = Map.ofEntries(
            Map.entry("alnum", new int[] {'0', '9', 'A', 'Z', 'a', 'z'}),
            Map.entry("alpha", new int[] {'A', 'Z', 'a', 'z'}),
            Map.entry("ascii", new int[] {0, 0x7F}),
            Map.entry("blank", new int[] {'\t', '\t', ' ', ' '}),
            Map.entry("cntrl", new int[] {0, 0x1F, 0x7F, 0x7F}),
            Map.entry("digit", DIGIT),
            Map.entry("graph", new int[] {'!', '~'}),
            Map.entry("lower", new int[] {'a', 'z'}),
            Map.entry("print", new int[] {' ', '~'}),
            Map.entry("punct", new int[] {'!', '/', ':', '@', '[', '`', '{', '~'}),
            Map.entry("space", new int[] {'\t', '\r', ' ', ' '}),
            Map.entry("upper", new int[] {'A', 'Z'}),
            Map.entry("word", WORD),
            Map.entry("xdigit", new int[] {'0', '9', 'A', 'F', 'a', 'f'}));

    private CharClasses() {
    }

    /** Renders a POSIX class such as {@code [:alpha:]} or {@code [:^digit:]}. */
    static String posix(String bracketed) throws Re2Translator.InvalidRegexException {
        String name = bracketed.substring(2, bracketed.length() - 2);
        boolean negated = name.startsWith("^");
        int[] ranges = POSIX.get(negated ? name.substring(1) : name);
        if (ranges == null) {
            throw new Re2Translator.InvalidRegexException("invalid character class range: " + bracketed);
        }
        return negated ? complement(ranges) : toJava(ranges);
    }

    /** Renders sorted, disjoint {@code [lo, hi, lo, hi, …]} ranges. */
    static String toJava(int[] ranges) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            b.append(range(ranges[i], ranges[i + 1]));
        }
        return b.toString();
    }

    /** Renders every code point outside sorted, disjoint ranges. */
    static String complement(int[] ranges) {
        StringBuilder b = new StringBuilder();
        int next = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] > next) {
                b.append(range(next, ranges[i] - 1));
            }
            next = ranges[i + 1] + 1;
        }
        return b.append(range(next, Character.MAX_CODE_POINT)).toString();
    }

    static String range(int lo, int hi) {
        String first = "\\x{" + Integer.toHexString(lo) + "}";
        return lo == hi ? first : first + "-\\x{" + Integer.toHexString(hi) + "}";
    }
}
