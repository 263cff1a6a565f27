package dev.berth.testing.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/** Applies one {@link Mutation} to an input; the result depends only on the input, the mutation and the random. */
public final class Mutator {
    private static final byte[][] NOT_UTF8 = {
        {(byte) 0x80}, // stray continuation byte
        {(byte) 0xBF, (byte) 0xBF},
        {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
        {(byte) 0xC3}, // lead byte without its continuation
        {(byte) 0xE2, (byte) 0x82}, // truncated three-byte sequence
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // five-byte form
        {(byte) 0xFE}, {(byte) 0xFF},
        {'c', 'a', 'f', (byte) 0xE9}, // Latin-1 text
    };

    private Mutator() {
    }

    /** Returns {@code original} with {@code mutation} applied as {@code grammar} understands it. */
    public static byte[] mutate(byte[] original, Mutation mutation, Grammar grammar, Random r) {
        switch (mutation) {
            case TRUNCATION:
                return java.util.Arrays.copyOf(original, original.length == 0 ? 0 : r.nextInt(original.length));
            case INVALID_UTF8:
                return invalidUtf8(original, r);
            default:
                String text = new String(original, UTF_8);
                String out = switch (mutation) {
                    case TYPE_SWAP -> grammar.typeSwap(text, r);
                    case INDENTATION -> indentation(text, r);
                    case BAD_ANCHOR -> grammar.badAnchor(text, r);
                    case HUGE_VALUE -> grammar.hugeValue(text, r);
                    default -> tokenEdits(text, grammar.tokens(), r);
                };
                return out.getBytes(UTF_8);
        }
    }

    /** Puts one to three byte sequences that are not UTF-8 in, at random byte offsets (inside characters too). */
    static byte[] invalidUtf8(byte[] original, Random r) {
        byte[] out = original;
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            byte[] bad = NOT_UTF8[r.nextInt(NOT_UTF8.length)];
            int at = r.nextInt(out.length + 1);
            boolean replace = r.nextBoolean() && at + bad.length <= out.length;
            ByteArrayOutputStream b = new ByteArrayOutputStream(out.length + bad.length);
            b.write(out, 0, at);
            b.write(bad, 0, bad.length);
            int rest = replace ? at + bad.length : at;
            b.write(out, rest, out.length - rest);
            out = b.toByteArray();
        }
        return out;
    }

    /** Indents a random line, or the block under it, more or less, or swaps spaces for a tab. */
    static String indentation(String text, Random r) {
        List<String> lines = Text.lines(text);
        int i = Text.pick(lines, r, l -> !l.isBlank());
        if (i < 0) {
            return text;
        }
        int end = r.nextInt(3) == 0 ? Text.blockEnd(lines, i) : i + 1;
        int shift = Text.any(r, -4, -2, -1, 1, 2, 3, 4);
        boolean tab = r.nextInt(5) == 0;
        for (int j = i; j < end; j++) {
            String line = lines.get(j);
            int indent = Text.indent(line);
            String body = line.substring(indent);
            if (tab) {
                lines.set(j, "\t" + " ".repeat(Math.max(0, indent - 1)) + body);
            } else {
                lines.set(j, " ".repeat(Math.max(0, indent + shift)) + body);
            }
        }
        return Text.join(lines);
    }

    /** One to three random edits: insert or swap in a token, delete a character, duplicate or drop a line. */
    static String tokenEdits(String text, List<String> tokens, Random r) {
        StringBuilder b = new StringBuilder(text);
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            int pos = b.length() == 0 ? 0 : r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(pos);
                    }
                }
                case 1 -> b.insert(pos, Text.any(tokens, r));
                case 2 -> {
                    List<String> lines = Text.lines(b.toString());
                    int l = r.nextInt(lines.size());
                    lines.add(l, lines.get(l));
                    b = new StringBuilder(Text.join(lines));
                }
                case 3 -> {
                    List<String> lines = Text.lines(b.toString());
                    lines.remove(r.nextInt(lines.size()));
                    b = new StringBuilder(Text.join(lines));
                }
                default -> b.replace(pos, Math.min(b.length(), pos + 1 + r.nextInt(8)), Text.any(tokens, r));
            }
        }
        return b.toString();
    }
}
