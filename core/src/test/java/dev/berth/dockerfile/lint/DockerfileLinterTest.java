package dev.berth.dockerfile.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.dockerfile.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileLinterTest {
    private static final String APT = """
            FROM debian
            # hadolint ignore=DL3008,DL3015
            RUN apt-get update && apt-get install -y curl
            RUN apt-get install -y wget
            USER root
            """;

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.line() + ":" + f.rule()).toList();
    }

    @Test
    void lint_reportsSeverityMessageAndLine() {
        List<Finding> findings = DockerfileLinter.defaults().lint(Dockerfile.parse("FROM ubuntu:latest\nMAINTAINER me\n"));
        assertThat(findings).contains(
                new Finding("DL3007", Severity.WARNING, "Using latest is prone to errors if the image will ever update. "
                        + "Pin the version explicitly to a release tag", 1),
                new Finding("DL4000", Severity.ERROR, "MAINTAINER is deprecated", 2));
        assertThat(findings.get(0).toString()).startsWith("1 DL3007 warning: Using latest");
    }

    @Test
    void inlineIgnore_suppressesOnlyTheNextInstruction() {
        List<String> found = ids(DockerfileLinter.defaults().lint(Dockerfile.parse(APT)));
        assertThat(found).doesNotContain("3:DL3008", "3:DL3015").contains("4:DL3008", "4:DL3015", "5:DL3002", "1:DL3006");
    }

    @Test
    void globalIgnoreAndDisabledRules_areSilent() {
        String text = "# hadolint global ignore=DL3059\n" + APT;
        List<String> found = ids(DockerfileLinter.builder().disable("DL3006", "dl3002").build().lint(Dockerfile.parse(text)));
        assertThat(found).noneMatch(f -> f.endsWith("DL3059") || f.endsWith("DL3006") || f.endsWith("DL3002"));
        assertThatThrownBy(() -> DockerfileLinter.builder().disable("DL9999")).hasMessageContaining("Unknown lint rule");
    }

    @Test
    void seedAdvice_isCovered() {
        Dockerfile bad = Dockerfile.parse("FROM node\nADD app.js /app/\nRUN npm ci\nRUN npm run build\nUSER root\n");
        assertThat(ids(DockerfileLinter.defaults().lint(bad)))
                .contains("1:DL3006", "2:DL3020", "4:DL3059", "5:DL3002");
        Dockerfile good = Dockerfile.builder().from("node:22.11-alpine").copy("app.js", "/app/")
                .run("npm ci && npm run build").user("10001").cmd("node", "/app/app.js").build();
        assertThat(DockerfileLinter.defaults().lint(good)).isEmpty();
    }

    @Test
    void berth001_asksForDockerignoreOnlyForABigContextWithoutOne(@TempDir Path context) throws IOException {
        Files.write(context.resolve("big.bin"), new byte[2048]);
        Dockerfile df = Dockerfile.parse("FROM alpine:3.20\nCOPY . /src\n");
        DockerfileLinter linter = DockerfileLinter.builder().contextDirectory(context).contextSizeThreshold(1024).build();
        assertThat(ids(linter.lint(df))).contains("1:BERTH001");
        assertThat(ids(DockerfileLinter.builder().contextDirectory(context).build().lint(df))).doesNotContain("1:BERTH001");
        Files.writeString(context.resolve(".dockerignore"), "*.bin\n");
        assertThat(ids(linter.lint(df))).doesNotContain("1:BERTH001");
    }

    @Test
    void rules_listsAtLeastTwentyHadolintRulesAndBerth001() {
        assertThat(DockerfileLinter.rules()).hasSizeGreaterThanOrEqualTo(29);
        assertThat(DockerfileLinter.rules()).extracting(LintRule::id).contains("DL3000", "DL3002", "DL3003", "DL3004",
                "DL3006", "DL3007", "DL3008", "DL3009", "DL3014", "DL3015", "DL3020", "DL3021", "DL3022", "DL3023",
                "DL3024", "DL3025", "DL3059", "DL4000", "DL4003", "DL4004", "DL4006", "BERTH001");
        assertThat(DockerfileLinter.rule("dl3009")).get().extracting(LintRule::severity).isEqualTo(Severity.INFO);
    }
}
