package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input that {@link DockerIgnoreFuzzTest} found ending in something other than a located
 * {@link DockerIgnoreException}, or never ending, one test per bug class.
 */
class DockerIgnoreBadInputTest {
    @TempDir
    Path dir;

    @Test
    void excludes_starHeavyPattern_doesNotBacktrack() {
        // java.util.regex backtracked exponentially on ^[^/]*a[^/]*a…b$; RE2 (Go's engine, and Docker's) is linear.
        // The timeout only detects a hang; the match itself takes microseconds.
        DockerIgnore ignore = DockerIgnore.parse("*a".repeat(40) + "b\n" + "**/".repeat(60) + "x\n");
        String path = "a".repeat(200);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThat(ignore.excludes(path)).isFalse();
            assertThat(ignore.excludes(path + "b")).isTrue();
            assertThat(ignore.excludes("a/".repeat(100) + "y")).isFalse();
            assertThat(ignore.match(path, null).excluded()).isFalse();
        });
    }

    @Test
    void read_patternLineNotUtf8_namesFileLineAndColumn() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("node_modules\n  caf".getBytes(StandardCharsets.UTF_8));
        b.write(0xE9); // Latin-1 'é'
        b.writeBytes("/\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve(".dockerignore"), b.toByteArray());

        assertThatThrownBy(() -> DockerIgnore.read(file)).isInstanceOfSatisfying(DockerIgnoreException.class, e -> {
            assertThat(e.source()).contains(file.toString());
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(6);
            assertThat(e.getMessage()).contains("not UTF-8", "0xE9", "save the file as UTF-8");
        });
    }

    @Test
    void read_commentLineNotUtf8_isSkippedAsDockerSkipsIt() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("# caf".getBytes(StandardCharsets.UTF_8));
        b.write(0xE9);
        b.writeBytes("\n*.log\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve(".dockerignore"), b.toByteArray());

        assertThat(DockerIgnore.read(file).patterns()).containsExactly("*.log");
    }

    @Test
    void parse_lineLongerThanDockerReads_isRefused() {
        // moby/patternmatcher's ignorefile.ReadAll scans lines with bufio.Scanner: 65,535 bytes and its '\n' at most
        String longest = "a".repeat(65_535);
        assertThat(DockerIgnore.parse("x\n" + longest + "\n").patterns()).hasSize(2);
        assertThatThrownBy(() -> DockerIgnore.parse("x\n# " + longest + "\n"))
                .isInstanceOfSatisfying(DockerIgnoreException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("longer than 65535 bytes");
                });
    }

    @Test
    void read_lineLongerThanDockerReads_namesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve(".dockerignore"), "a".repeat(70_000), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DockerIgnore.read(file)).isInstanceOfSatisfying(DockerIgnoreException.class,
                e -> assertThat(e.source()).contains(file.toString()));
    }

    @Test
    void parse_wildcardPatternLongerThanAnyPath_isRefused_literalOneKept() {
        String literal = "d/".repeat(3_000) + "f";
        assertThat(DockerIgnore.parse(literal).excludes(literal)).isTrue();
        assertThatThrownBy(() -> DockerIgnore.parse("ok\n   " + literal + "*\n"))
                .isInstanceOfSatisfying(DockerIgnoreException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("longer than 4096 characters", "6002 characters");
                });
    }

    @Test
    void errors_carryLineAndColumnOfThePattern() {
        assertThatThrownBy(() -> DockerIgnore.parse("a\n\t ! \n")).isInstanceOfSatisfying(DockerIgnoreException.class,
                e -> assertThat(e.column()).isEqualTo(3));
        DockerIgnore bad = DockerIgnore.of("ok", "  [Local-Only]");
        assertThatThrownBy(() -> bad.excludes("x")).isInstanceOfSatisfying(DockerIgnoreException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(3);
            assertThat(e.source()).isEmpty();
        });
    }
}
