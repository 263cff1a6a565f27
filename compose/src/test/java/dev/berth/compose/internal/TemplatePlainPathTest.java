package dev.berth.compose.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regex-free path of {@link Template} against the regex-driven one (compose-go's algorithm): on seeded random
 * templates, every template the plain path accepts must expand to the same text with the same warnings, in order.
 */
class TemplatePlainPathTest {
    private static final Map<String, String> ENV = Map.of("A", "alpha", "B", "", "C_1", "c$1", "x", "{}");
    private static final String[] PIECES = {"$", "$", "$", "{", "}", ":", "-", "+", "?", "A", "B", "C_1", "x", "U", "_",
            "1", " ", "/", "\n", "\r", "\u2028", "é", "$$", "${", "${A", "${B", "${U", ":-", ":+", "\\"};

    @Test
    void plainPath_expandsLikeRegexPath_onRandomTemplates() {
        Random random = new Random(20261128L);
        int plain = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int i = 0; i < len; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String t = b.toString();
            if (!Template.isPlain(t)) {
                continue;
            }
            plain++;
            List<String> fastWarnings = new ArrayList<>();
            List<String> refWarnings = new ArrayList<>();
            String fast = new Template(ENV::get, fastWarnings::add).substitute(t);
            String ref = new Template(ENV::get, refWarnings::add, false).substitute(t);
            assertThat(fast).as("expansion of %s", t).isEqualTo(ref);
            assertThat(fastWarnings).as("warnings of %s", t).isEqualTo(refWarnings);
        }
        assertThat(plain).isGreaterThan(5_000);
    }

    @Test
    void plainPath_coversTheBenchmarkForms() {
        assertThat(Template.isPlain("${REGISTRY:-registry.local}/svc1:${TAG:-latest}")).isTrue();
        assertThat(Template.isPlain("curl -f http://localhost:${PORT:-8080}/health")).isTrue();
        assertThat(Template.isPlain("$$HOME and $USER")).isTrue();
        assertThat(Template.isPlain("${A:?required}")).isFalse();
        assertThat(Template.isPlain("${A:-${B}}")).isFalse();
        assertThat(Template.isPlain("cost: 5$")).isFalse();
    }
}
