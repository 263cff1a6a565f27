package dev.berth.compose;

import dev.berth.compose.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loader options and file forms that Docker Compose v2 (compose-go) supports, pinned to its behaviour:
 * {@code --no-interpolate}, {@code COMPOSE_FILE} with {@code COMPOSE_PATH_SEPARATOR}, {@code env_file} with
 * {@code format: raw}, {@code ${VAR?message}} and the alias-bomb guard.
 */
class LoaderOptionsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** {@code docker compose --no-interpolate config} keeps {@code ${TAG}} as written. */
    @Test
    void noInterpolate_keepsVariablesAsWritten() throws IOException {
        Path f = write("compose.yaml", "services:\n  web:\n    image: nginx:${TAG:-1.25}\n");
        LoadOptions.Builder b = LoadOptions.builder().file(f).environment(Map.of("TAG", "1.27"));

        assertThat(Compose.load(b.build()).services().get("web").image()).isEqualTo("nginx:1.27");
        assertThat(Compose.load(b.interpolate(false).build()).services().get("web").image())
                .isEqualTo("nginx:${TAG:-1.25}");
    }

    /** With no {@code -f}, {@code COMPOSE_FILE} lists the files, split on {@code COMPOSE_PATH_SEPARATOR} (default ':'). */
    @Test
    void composeFileVariable_listsTheFilesToMerge() throws IOException {
        Path base = write("base.yaml", "services:\n  web:\n    image: nginx:1.25\n");
        Path override = write("override.yaml", "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: redis\n");

        Project colon = Compose.load(LoadOptions.builder().projectName("cf")
                .environment(Map.of("COMPOSE_FILE", base + ":" + override)).build());
        Project semicolon = Compose.load(LoadOptions.builder().projectName("cf")
                .environment(Map.of("COMPOSE_FILE", base + ";" + override, "COMPOSE_PATH_SEPARATOR", ";")).build());

        for (Project p : new Project[]{colon, semicolon}) {
            assertThat(p.services()).containsOnlyKeys("web", "db");
            assertThat(p.services().get("web").image()).isEqualTo("nginx:1.27");
        }
    }

    /** {@code format: raw} takes each {@code KEY=VALUE} line literally: no quote removal, no interpolation. */
    @Test
    void envFileRaw_takesValuesLiterally() throws IOException {
        write("app.env", "QUOTED=\"kept\"\nDOLLAR=$HOME/x\n# a comment\n");
        write("plain.env", "QUOTED=\"stripped\"\n");
        Path f = write("compose.yaml", """
                services:
                  raw:
                    image: busybox
                    env_file:
                      - path: ./app.env
                        format: raw
                  plain:
                    image: busybox
                    env_file: ./plain.env
                """);
        Project p = Compose.load(LoadOptions.builder().file(f).environment(Map.of("HOME", "/root")).build());

        assertThat(p.services().get("raw").environment())
                .containsEntry("QUOTED", "\"kept\"").containsEntry("DOLLAR", "$HOME/x").hasSize(2);
        assertThat(p.services().get("plain").environment()).containsEntry("QUOTED", "stripped");
    }

    /** {@code ${VAR?message}} fails when VAR is unset (but not when it is set and empty), naming VAR and the message. */
    @Test
    void requiredVariable_withQuestionMark_failsOnlyWhenUnset() throws IOException {
        Path f = write("compose.yaml", "services:\n  web:\n    image: \"nginx:${TAG?set TAG to the release}\"\n");

        assertThatThrownBy(() -> Compose.load(LoadOptions.builder().file(f).environment(Map.of()).build()))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageContaining("TAG").hasMessageContaining("set TAG to the release");
        assertThat(Compose.load(LoadOptions.builder().file(f).environment(Map.of("TAG", "")).build())
                .services().get("web").image()).isEqualTo("nginx:");
    }

    /** A billion-laughs file is refused with a located error instead of exhausting memory. */
    @Test
    void aliasBomb_isRefusedWithALocatedError() throws IOException {
        StringBuilder y = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            y.append("x-").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        y.append("services:\n  web:\n    image: busybox\n");
        Path f = write("compose.yaml", y.toString());

        assertThatThrownBy(() -> Compose.load(LoadOptions.builder().file(f).environment(Map.of()).build()))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageContaining("alias")
                .satisfies(e -> assertThat(((ComposeFileException) e).line()).isPositive());
    }
}
