package dev.berth.examples.support;

import dev.berth.dockerfile.Dockerfile;
import dev.berth.dockerfile.lint.DockerfileLinter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The image recipes and the content hash they are cached by; no engine needed. */
class DebianImagesTest {
    private static final String BASE = "berth-examples/debian:bookworm-0123456789ab";

    @Test
    void recipes_passTheLinter_exceptVersionPinning() {
        // DL3008 (pin apt versions) is off on purpose: bookworm's mirror keeps only the newest security update.
        DockerfileLinter linter = DockerfileLinter.builder().disable("DL3008").build();
        for (Dockerfile df : List.of(DebianImages.nginx(BASE), DebianImages.mariadb(BASE), DebianImages.redis(BASE),
                DebianImages.python(BASE), DebianImages.registry(BASE))) {
            assertThat(linter.lint(df)).as(df.render()).isEmpty();
            assertThat(df.render()).startsWith("FROM " + BASE + "\n").contains("--no-install-recommends")
                    .contains("rm -rf /var/lib/apt/lists/*");
        }
    }

    @Test
    void inputsHash_isStable_andChangesWithTheDockerfileItsBaseAFileOrItsMode() {
        Dockerfile df = DebianImages.nginx(BASE);
        Map<String, byte[]> files = Map.of("default.conf", bytes("server {}"));
        String hash = DebianImages.inputsHash(df, files, Map.of());
        assertThat(hash).hasSize(64).isEqualTo(DebianImages.inputsHash(DebianImages.nginx(BASE),
                Map.of("default.conf", bytes("server {}")), Map.of()));
        assertThat(DebianImages.inputsHash(df, files, Map.of(BASE, "sha256:1"))).as("the base's id")
                .isNotEqualTo(hash).isNotEqualTo(DebianImages.inputsHash(df, files, Map.of(BASE, "sha256:2")));
        assertThat(DebianImages.inputsHash(DebianImages.nginx(BASE.replace("0123", "9999")), files, Map.of()))
                .isNotEqualTo(hash);
        assertThat(DebianImages.inputsHash(df, Map.of("default.conf", bytes("server { }")), Map.of()))
                .isNotEqualTo(hash);
        assertThat(DebianImages.inputsHash(df, Map.of("default.sh", bytes("server {}")), Map.of())).as("name and mode")
                .isNotEqualTo(hash);
    }

    @Test
    void inputsHash_doesNotDependOnTheOrderFilesAreGiven() {
        Dockerfile df = DebianImages.registry(BASE);
        Map<String, byte[]> ab = new LinkedHashMap<>();
        ab.put("a", bytes("1"));
        ab.put("b", bytes("2"));
        Map<String, byte[]> ba = new LinkedHashMap<>();
        ba.put("b", bytes("2"));
        ba.put("a", bytes("1"));
        assertThat(DebianImages.inputsHash(df, ab, Map.of())).isEqualTo(DebianImages.inputsHash(df, ba, Map.of()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
