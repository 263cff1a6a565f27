package dev.berth.dockerfile.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.dockerfile.Dockerfile;
import dev.berth.dockerfile.Onbuild;
import dev.berth.dockerfile.Run;
import dev.berth.dockerfile.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the positive and negative cases of hadolint's {@code test/Hadolint/Rule/DLxxxxSpec.hs} for each implemented
 * rule (ported as data in resources/dockerfile/hadolint/cases.tsv; see the README there).
 */
class HadolintSpecTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = HadolintSpecTest.class.getResourceAsStream("/dockerfile/hadolint/cases.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("#") || lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", 4);
                out.add(Arguments.of(f[0], f[1].equals("catch"), f[2].equals("1"), unescape(f[3]), i + 1));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} onbuild={2} (cases.tsv:{4})")
    @MethodSource("cases")
    void lint_matchesHadolintSpec(String rule, boolean catches, boolean onbuild, String text, int row) {
        Dockerfile df = Dockerfile.parse(text);
        if (onbuild) {
            List<Statement> wrapped = new ArrayList<>();
            for (Statement s : df.statements()) {
                wrapped.add(s instanceof Run r ? new Onbuild(r) : s);
            }
            df = Dockerfile.of(df.directives(), wrapped);
        }
        List<Finding> findings = DockerfileLinter.defaults().lint(df).stream().filter(f -> f.rule().equals(rule))
                .toList();
        if (catches) {
            assertThat(findings).as("%s should fail on:%n%s", rule, text).isNotEmpty();
            assertThat(findings).allSatisfy(f -> assertThat(f.line()).isPositive());
        } else {
            assertThat(findings).as("%s should pass on:%n%s", rule, text).isEmpty();
        }
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
