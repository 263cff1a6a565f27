package dev.berth.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding for the files Berth parses (compose files, Dockerfiles, {@code .dockerignore}): bytes that
 * are not UTF-8 are reported with the line and column where they start, never silently replaced.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** Bytes that are not UTF-8: where the first bad sequence starts, and its bytes. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;
        private final int offset;

        MalformedException(int line, int column, int offset, String bytes) {
            super("invalid UTF-8 (byte" + (bytes.contains(" ") ? "s " : " ") + bytes + " at byte offset " + offset
                    + ")", null, false, false);
            this.line = line;
            this.column = column;
            this.offset = offset;
        }

        /** The 1-based line of the first bad byte, counting '\n' line breaks from the start of the decoded range. */
        public int line() {
            return line;
        }

        /** The 1-based column of the first bad byte: one more than the characters before it on its line. */
        public int column() {
            return column;
        }

        /** The offset of the first bad byte from the start of the decoded range. */
        public int offset() {
            return offset;
        }
    }

    /** Decodes all of {@code bytes}. */
    public static String decode(byte[] bytes) throws MalformedException {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes {@code bytes[from, to)}; positions in the exception are relative to {@code from}. The JDK's fast
     * replacing decoder goes first: text without U+FFFD proves the bytes valid, and only text with one (a bad
     * sequence, or a U+FFFD actually written) is decoded again strictly.
     */
    public static String decode(byte[] bytes, int from, int to) throws MalformedException {
        String fast = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw malformed(bytes, in.position(), result.length(), from, out.flip());
        }
        return out.flip().toString();
    }

    /** The number of bytes {@code s[from, to)} takes in UTF-8 (a lone surrogate counts 3). */
    public static long length(CharSequence s, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static MalformedException malformed(byte[] bytes, int at, int length, int from, CharBuffer decoded) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = decoded.subSequence(lineStart, decoded.length()).toString();
        StringBuilder hex = new StringBuilder();
        for (int i = at; i < Math.min(bytes.length, at + Math.max(1, length)); i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        return new MalformedException(line, before.codePointCount(0, before.length()) + 1, at - from, hex.toString());
    }
}
