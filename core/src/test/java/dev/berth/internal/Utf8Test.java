package dev.berth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strict UTF-8 decoding: what Java's decoder refuses, and where the refusal is reported. */
class Utf8Test {
    private static byte[] bytes(String prefix, int... tail) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < tail.length; i++) {
            out[head.length + i] = (byte) tail[i];
        }
        return out;
    }

    @Test
    void decode_validText_isReturnedWhole() throws Exception {
        String text = "a\u00e9\u20ac\uD83D\uDE00\n\u0000z";
        assertThat(Utf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(Utf8.decode(new byte[0])).isEmpty();
    }

    @Test
    void decode_badSequence_reportsLineAndColumnInCharacters() {
        // line 2 holds 'é' (two bytes) and an emoji (four bytes, one code point) before the stray byte
        Utf8.MalformedException e = catchThrowableOfType(() -> Utf8.decode(bytes("x\n\u00e9\uD83D\uDE00", 0x80)),
                Utf8.MalformedException.class);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.offset()).isEqualTo(8);
        assertThat(e.getMessage()).contains("0x80", "offset 8");
    }

    @Test
    void decode_refusesWhatIsNotUtf8() {
        int[][] bad = {{0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80},
            {0xFE}, {0xFF}, {0xC3}, {0xE2, 0x82}};
        for (int[] seq : bad) {
            Utf8.MalformedException e = catchThrowableOfType(() -> Utf8.decode(bytes("ab", seq)),
                    Utf8.MalformedException.class);
            assertThat(e).as("bytes %s", java.util.Arrays.toString(seq)).isNotNull();
            assertThat(e.column()).isEqualTo(3);
        }
    }

    @Test
    void decode_range_countsFromItsStart() {
        byte[] b = bytes("skip\nab", 0xFF);
        Utf8.MalformedException e = catchThrowableOfType(() -> Utf8.decode(b, 5, b.length),
                Utf8.MalformedException.class);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.offset()).isEqualTo(2);
    }

    @Test
    void length_countsUtf8Bytes() {
        assertThat(Utf8.length("a\u00e9\u20ac\uD83D\uDE00", 0, 5)).isEqualTo(1 + 2 + 3 + 4);
        assertThat(Utf8.length("\uD83D", 0, 1)).isEqualTo(3);
    }
}
