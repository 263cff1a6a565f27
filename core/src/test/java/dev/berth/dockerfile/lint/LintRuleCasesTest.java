package dev.berth.dockerfile.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.dockerfile.Dockerfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the rule cases in {@code resources/dockerfile/lint/cases.txt}: for each rule, Dockerfiles it must report (on
 * exactly the listed lines) and Dockerfiles it must accept. See the README next to the case file for the format.
 */
class LintRuleCasesTest {
    private static final String RESOURCE = "/dockerfile/lint/cases.txt";
    private static final int MINIMUM_PER_SIDE = 4;

    @TempDir
    Path temp;

    /**
     * One case: the rule, the lines it must report (empty for a {@code pass} case), the build context for BERTH001
     * (null when the linter gets no context directory), the context size threshold (null for the default), a title,
     * the Dockerfile text and the line of the case header in the case file.
     */
    record Case(String rule, boolean catches, List<Integer> lines, Map<String, Integer> context, Long threshold,
                String title, String text, int row) {
        @Override
        public String toString() {
            return rule + " " + (catches ? "catch " + lines : "pass") + " (cases.txt:" + row + ") " + title;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        String[] lines;
        try (InputStream in = LintRuleCasesTest.class.getResourceAsStream(RESOURCE)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String header = null;
        int headerRow = 0;
        List<String> body = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            boolean marker = i == lines.length || lines[i].startsWith("==");
            if (!marker) {
                if (header != null) {
                    body.add(lines[i]);
                }
                continue;
            }
            if (header != null) {
                out.add(parseCase(header, body, headerRow));
            }
            header = i < lines.length && lines[i].startsWith("=== ") ? lines[i].substring(4) : null;
            headerRow = i + 1;
            body.clear();
        }
        return out;
    }

    /** {@code RULE catch L1,L2 [key=value…] | title} or {@code RULE pass [key=value…] | title}. */
    private static Case parseCase(String header, List<String> body, int row) {
        int bar = header.indexOf(" | ");
        if (bar < 0) {
            throw new IllegalArgumentException("cases.txt:" + row + ": header needs ' | <title>': " + header);
        }
        String title = header.substring(bar + 3).strip();
        List<String> words = new ArrayList<>(Arrays.asList(header.substring(0, bar).strip().split("\\s+")));
        String rule = words.remove(0);
        String expect = words.remove(0);
        List<Integer> lines = new ArrayList<>();
        if (expect.equals("catch")) {
            for (String n : words.remove(0).split(",")) {
                lines.add(Integer.parseInt(n));
            }
        } else if (!expect.equals("pass")) {
            throw new IllegalArgumentException("cases.txt:" + row + ": expected 'catch' or 'pass': " + header);
        }
        Map<String, Integer> context = null;
        Long threshold = null;
        for (String w : words) {
            if (w.startsWith("context=")) {
                context = new LinkedHashMap<>();
                String files = w.substring("context=".length());
                for (String f : files.isEmpty() ? new String[0] : files.split(",")) {
                    int colon = f.lastIndexOf(':');
                    context.put(f.substring(0, colon), Integer.parseInt(f.substring(colon + 1)));
                }
            } else if (w.startsWith("threshold=")) {
                threshold = Long.parseLong(w.substring("threshold=".length()));
            } else {
                throw new IllegalArgumentException("cases.txt:" + row + ": unknown option '" + w + "'");
            }
        }
        List<String> text = new ArrayList<>(body);
        while (!text.isEmpty() && text.get(text.size() - 1).isBlank()) {
            text.remove(text.size() - 1);
        }
        return new Case(rule, expect.equals("catch"), List.copyOf(lines), context, threshold, title,
                String.join("\n", text) + "\n", row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule_reportsExactlyTheExpectedLines(Case c) throws IOException {
        DockerfileLinter.Builder builder = DockerfileLinter.builder();
        if (c.context() != null) {
            Path dir = Files.createDirectories(temp.resolve("context-" + c.row()));
            for (Map.Entry<String, Integer> f : c.context().entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, "x".repeat(f.getValue()).getBytes(StandardCharsets.US_ASCII));
            }
            builder.contextDirectory(dir);
        }
        if (c.threshold() != null) {
            builder.contextSizeThreshold(c.threshold());
        }
        List<Integer> reported = builder.build().lint(Dockerfile.parse(c.text())).stream()
                .filter(f -> f.rule().equals(c.rule())).map(Finding::line).toList();
        assertThat(reported).as("%s on lines of:%n%s", c, c.text()).isEqualTo(c.lines());
        if (c.catches()) {
            assertThat(c.lines()).as("a catch case lists at least one line").isNotEmpty();
        }
    }

    @Test
    void everyRule_hasAtLeastFourCatchAndFourPassCases() {
        List<Case> all = cases();
        List<String> known = DockerfileLinter.rules().stream().map(LintRule::id).toList();
        assertThat(all).extracting(Case::rule).allSatisfy(id -> assertThat(known).contains(id));
        Map<String, Long> catches = all.stream().filter(Case::catches)
                .collect(Collectors.groupingBy(Case::rule, Collectors.counting()));
        Map<String, Long> passes = all.stream().filter(c -> !c.catches())
                .collect(Collectors.groupingBy(Case::rule, Collectors.counting()));
        for (String id : known) {
            assertThat(catches.getOrDefault(id, 0L)).as("catch cases for %s", id)
                    .isGreaterThanOrEqualTo(MINIMUM_PER_SIDE);
            assertThat(passes.getOrDefault(id, 0L)).as("pass cases for %s", id)
                    .isGreaterThanOrEqualTo(MINIMUM_PER_SIDE);
        }
    }

    @Test
    void caseFile_readsHeadersBodiesAndOptions() {
        Case berth = cases().stream().filter(c -> c.rule().equals("BERTH001") && c.context() != null
                && c.threshold() != null).findFirst().orElseThrow();
        assertThat(berth.context()).isNotEmpty();
        assertThat(Stream.of(berth.text().split("\n"))).noneMatch(l -> l.startsWith("=="));
        assertThat(cases()).allSatisfy(c -> assertThat(c.text()).endsWith("\n").doesNotEndWith("\n\n"));
    }
}
