package dev.berth.compose.internal;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written scanners of {@link Scalars} against the regex and BigInteger arithmetic they replace. */
class ScalarsTest {
    @Test
    void isFloat_agreesWithTheFloatRegex_onRandomStrings() {
        Random random = new Random(20261128L);
        String alphabet = "0123456789.eE+-_x ";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(9);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(Scalars.isFloat(s)).as("isFloat(%s)", s).isEqualTo(Scalars.FLOAT.matcher(s).matches());
        }
    }

    @Test
    void parseGoInt_agreesWithBigInteger_onDecimalNumbers() {
        Random random = new Random(7L);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder(random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "");
            int len = 1 + random.nextInt(21);
            b.append(1 + random.nextInt(9));
            for (int i = 1; i < len; i++) {
                b.append(random.nextInt(10));
            }
            String s = b.toString();
            BigInteger big = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
            Long expected = big.bitLength() > 63 ? null : big.longValue();
            assertThat(Scalars.parseGoInt(s)).as("parseGoInt(%s)", s).isEqualTo(expected);
        }
        assertThat(Scalars.resolvePlain("0x1F")).isEqualTo(31L);
        assertThat(Scalars.resolvePlain("017")).isEqualTo(15L);
        assertThat(Scalars.resolvePlain("1_000")).isEqualTo(1000L);
        assertThat(Scalars.resolvePlain("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Scalars.resolvePlain("20000:8080")).isEqualTo("20000:8080");
        assertThat(Scalars.resolvePlain("unless-stopped")).isEqualTo("unless-stopped");
        assertThat(Scalars.resolvePlain("")).isNull();
    }
}
