package dev.berth.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad input that {@link ComposeFuzzTest} found ending in something other than a {@link ComposeFileException} with the
 * file, line and column (or in one without them), one test per bug class. Where Docker Compose v2.26.1 accepts or
 * refuses the same input, the test says so.
 */
class ComposeBadInputTest {
    private static final String HEAD = "services:\n  web:\n    image: nginx\n";

    @TempDir
    Path dir;

    private Path write(byte[] content) throws Exception {
        return Files.write(dir.resolve("compose.yaml"), content);
    }

    private Path write(String content) throws Exception {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRejected(Path file, int line, int column, Consumer<ComposeFileException> more) {
        assertThatThrownBy(() -> Compose.load(LoadOptions.builder().file(file).environment(Map.of()).build()))
                .isInstanceOfSatisfying(ComposeFileException.class, e -> {
                    assertThat(e.file()).contains(file);
                    assertThat(e.line()).as("line of %s", e.getMessage()).isEqualTo(line);
                    assertThat(e.column()).as("column of %s", e.getMessage()).isEqualTo(column);
                    more.accept(e);
                });
    }

    @Test
    void load_notUtf8_pointsAtTheBadByte() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((HEAD + "    container_name: caf").getBytes(StandardCharsets.UTF_8));
        b.write(0xE9); // Latin-1 'é'; Compose refuses it too ("invalid leading UTF-8 octet")
        b.write('\n');
        Path file = write(b.toByteArray());

        assertRejected(file, 4, 24, e -> assertThat(e.reason()).contains("not UTF-8", "0xE9", "save it as UTF-8"));
    }

    @Test
    void load_nestedDeeperThanTheCap_pointsAtTheCollectionThatPassesIt() throws Exception {
        // the top-level mapping is the first level, so the 250th '[' is one too many
        Path flow = write(HEAD + "x-deep: " + "[".repeat(300) + "]".repeat(300) + "\n");
        assertRejected(flow, 4, 8 + 250, e -> assertThat(e.reason()).contains("more than 250 levels"));

        StringBuilder block = new StringBuilder(HEAD + "x-deep:\n");
        for (int level = 1; level <= 300; level++) {
            block.append(" ".repeat(level)).append("a:\n");
        }
        Path blocks = write(block.append(" ".repeat(301)).append("b\n").toString());
        assertRejected(blocks, 254, 251, e -> assertThat(e.reason()).contains("more than 250 levels"));
    }

    @Test
    void load_nestingBuiltByAliases_isCappedToo() throws Exception {
        StringBuilder chain = new StringBuilder(HEAD + "x-l0: &l0 [x]\n");
        for (int i = 1; i <= 300; i++) {
            chain.append("x-l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append("]\n");
        }
        Path file = write(chain.toString());

        assertThatThrownBy(() -> Compose.load(LoadOptions.builder().file(file).environment(Map.of()).build()))
                .isInstanceOfSatisfying(ComposeFileException.class, e -> {
                    assertThat(e.file()).contains(file);
                    assertThat(e.line()).isPositive();
                    assertThat(e.column()).isPositive();
                    assertThat(e.reason()).contains("more than 250 levels deep after expanding aliases");
                });
    }

    @Test
    void load_nestingUnderTheCap_loadsAndRenders() throws Exception {
        Path file = write(HEAD + "x-deep: " + "[".repeat(200) + "1" + "]".repeat(200) + "\n");

        String json = Compose.load(LoadOptions.builder().file(file).environment(Map.of()).build()).toJson();
        assertThat(json).contains("\"x-deep\"");
    }

    @Test
    void load_emptyFile_isAProblemOfTheWholeFile_atLineOneColumnOne() throws Exception {
        assertRejected(write(""), 1, 1, e -> assertThat(e.reason()).contains("empty compose file"));
    }

    @Test
    void load_nonScalarKey_pointsAtTheKey() throws Exception {
        // snakeyaml refused it without a position; Compose refuses it too
        assertRejected(write(HEAD + "x-a:\n  ? [k]\n  : v\n"), 5, 5,
                e -> assertThat(e.reason()).contains("non-string key", "quote the key"));
    }

    @Test
    void load_numberPastTheLargestDouble_staysText_asGoYamlKeepsIt() throws Exception {
        // go-yaml's resolve keeps a plain scalar as a string when strconv.ParseFloat fails with ErrRange
        String huge = "-" + "9".repeat(400);
        Path file = write(HEAD + "x-a:\n  n: " + huge + "\n  e: 1e400\n");

        String json = Compose.load(LoadOptions.builder().file(file).environment(Map.of()).build()).toJson();
        assertThat(json).contains("\"n\": \"" + huge + "\"", "\"e\": \"1e400\"");
    }

    @Test
    void load_infinityOrNaN_isRefusedAsComposeValidatesIt() throws Exception {
        // Compose: "validating compose.yaml: json: unsupported value: +Inf" (its schema check marshals to JSON)
        assertRejected(write(HEAD + "x-a:\n  inf: .inf\n"), 5, 3,
                e -> assertThat(e.reason()).contains("json: unsupported value: +Inf"));
        assertRejected(write(HEAD + "x-a: [1, -.inf]\n"), 4, 10,
                e -> assertThat(e.reason()).contains("json: unsupported value: -Inf"));
        assertRejected(write(HEAD + "    labels: {a: .nan}\n"), 4, 14,
                e -> assertThat(e.reason()).contains("json: unsupported value: NaN"));
    }

    @Test
    void load_valueOfMegabytes_isReadInLinearTime() throws Exception {
        // snakeyaml refilled a 1 KiB window by copying the rest of it, quadratic in a token's length (0.5 s for
        // 1 MB, minutes for 8 MB); the whole text is now one buffer. The timeout only detects that hang.
        Path file = write(HEAD + "x-big: " + "a".repeat(8_000_000) + "\n");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThat(Compose.load(LoadOptions.builder()
                .file(file).environment(Map.of()).build()).extensions().get("x-big").toString()).hasSize(8_000_000));
    }

    @Test
    void load_interpolationNestedTooDeep_isRefusedAtItsKey() throws Exception {
        String nested = "${A:-".repeat(150) + "x" + "}".repeat(150);
        assertRejected(write(HEAD + "    container_name: " + nested + "\n"), 4, 5,
                e -> assertThat(e.reason()).contains("nested more than 100 levels"));
        String fine = "${A:-".repeat(90) + "x" + "}".repeat(90);
        Path file = write(HEAD + "    container_name: " + fine + "\n");
        assertThat(Compose.load(LoadOptions.builder().file(file).environment(Map.of()).build())
                .services().get("web").containerName()).contains("x");
    }
}
