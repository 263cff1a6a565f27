package dev.berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.berth.dockerfile.internal.Template;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input that {@link DockerfileFuzzTest} found ending in something other than a located
 * {@link DockerfileParseException}, one test per bug class; each now fails where the problem is, or parses as
 * BuildKit parses it.
 */
class DockerfileBadInputTest {
    @TempDir
    Path dir;

    @Test
    void parseFile_notUtf8_namesFileLineAndColumnOfTheBadByte() throws Exception {
        Path file = dir.resolve("Dockerfile");
        byte[] head = "FROM alpine\nRUN echo caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 'é'
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);

        assertThatThrownBy(() -> Dockerfile.parse(file)).isInstanceOfSatisfying(DockerfileParseException.class, e -> {
            assertThat(e.source()).contains(file.toString());
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(13);
            assertThat(e.reason()).contains("invalid UTF-8", "0xE9", "save the Dockerfile as UTF-8");
        });
    }

    @Test
    void parse_commentWithLineSeparator_isRefusedWhereItIs() {
        // the model refuses line breaks in a comment; the parser used to let DockerfileValueException escape
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\n# one\u2028two\n", "Dockerfile"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(6);
                    assertThat(e.reason()).contains("U+2028");
                });
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\n  #x\ry\n")).isInstanceOf(DockerfileParseException.class)
                .hasMessageStartingWith("Dockerfile:2:5:");
    }

    @Test
    void parse_lineLongerThanBuildKitReads_isRefused() {
        // BuildKit: "dockerfile line greater than max allowed size of 65535" (bufio.Scanner's 64 KiB buffer)
        String longest = "RUN echo " + "a".repeat(65_535 - 9);
        assertThat(Dockerfile.parse("FROM a\n" + longest + "\n").instructions()).hasSize(2);
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\n" + longest + "a\n"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("greater than max allowed size of 65535");
                });
        // bytes, not characters: 'é' takes two
        assertThatThrownBy(() -> Dockerfile.parse("RUN echo " + "\u00e9".repeat(32_764)))
                .isInstanceOf(DockerfileParseException.class);
    }

    @Test
    void parse_deeplyNestedExecForm_isNotAStringArray_likeGoJson() {
        // Go's encoding/json reads up to 10,000 levels: a valid array holding arrays is refused as BuildKit does
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\nCMD " + nested + "\n"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("arrays must be comprised of strings only");
                });
        // one level more is not JSON for Go, so BuildKit reads the text as a shell command
        String deeper = "[".repeat(10_001) + "]".repeat(10_001);
        Dockerfile df = Dockerfile.parse("FROM a\nCMD " + deeper + "\n");
        assertThat(df.instructions().get(1)).isEqualTo(new Cmd(Command.shell(deeper)));
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\nCMD [\"a\", [1, {\"k\": [true, null, -1.5e3]}]]\n"))
                .hasMessageContaining("arrays must be comprised of strings only");
        assertThat(Dockerfile.parse("FROM a\nCMD [\"a\", [1,]]\n").instructions().get(1))
                .isEqualTo(new Cmd(Command.shell("[\"a\", [1,]]")));
    }

    @Test
    void isBare_nestedReferences_judgedLikeTheirText() {
        // the check became linear (nested ${…} used to be rescanned per '$', quadratic in the nesting)
        String nested = "${A:-".repeat(10_000) + "x" + "}".repeat(10_000);
        assertThat(Template.isBare(nested, '\\')).isTrue();
        assertThat(Template.isBare("${A:-${B:-x y}}", '\\')).isFalse();
        assertThat(Template.isBare("${A:-$}", '\\')).isFalse();
        assertThat(Template.isBare("${A:-${B}}$C", '\\')).isTrue();
        assertThat(Template.isBare("${A:-${B}}${", '\\')).isFalse();
        Dockerfile df = Dockerfile.parse("FROM a\nENV A=" + nested + "\n");
        assertThat(Dockerfile.parse(df.render())).isEqualTo(df);
        assertThat(df.render()).contains("ENV A=" + nested);
    }

    @Test
    void render_envNestedOverContinuationLines_inLinearTime() {
        // 200,000 nested references joined from short lines: the quadratic check took minutes; the timeout only
        // detects that hang (parsing and rendering take about a second)
        String text = "FROM a\nENV A=" + "${B:-\\\n".repeat(200_000) + "x\\\n" + "}\\\n".repeat(199_999) + "}\n";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Dockerfile df = Dockerfile.parse(text);
            assertThat(df.render()).startsWith("FROM a\nENV A=${B:-${B:-");
        });
    }

    @Test
    void parse_manyContinuationLines_parsesAsOneInstruction() {
        Dockerfile df = Dockerfile.parse("FROM a\nRUN a \\\n" + "  b \\\n".repeat(20_000) + "  c\n");
        assertThat(df.instructions()).hasSize(2);
        assertThat(List.of(df.line(0), df.line(1))).containsExactly(1, 2);
    }
}
