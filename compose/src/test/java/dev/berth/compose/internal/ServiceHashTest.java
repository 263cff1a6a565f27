package dev.berth.compose.internal;

import dev.berth.compose.Compose;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins {@code com.docker.compose.config-hash} to the values Docker Compose 2.26.1 wrote on containers it created
 * ({@code up --no-start}) for the same files; the live comparison is {@code InteropIT} and {@code HashParityIT}.
 */
class ServiceHashTest {

    @Test
    void hash_matchesDockerCompose2261_onAWideService() throws Exception {
        Path file = Path.of(getClass().getResource("/engine/hash-wide/compose.yaml").toURI());
        Project p = Compose.load(LoadOptions.builder().file(file).environment(Map.of("BARE", "bare-value")).build());
        // Fields cleared before hashing: build, pull_policy, scale, deploy.replicas; profiles and depends_on stay.
        assertThat(ServiceHash.of(p.services().get("a"), x -> null))
                .isEqualTo("0aeed20b09d84dd8e8ba16ba8dfcd26fadee698e2e7fcbd7688896dcc4a45603");
        assertThat(ServiceHash.of(p.services().get("b"), x -> null))
                .isEqualTo("81476d268cf5d8c05de8f6e942648c2e080614b97a19a07abdcc297592d80e34");
    }

    @Test
    void hash_dropsEnvFileAndKeepsLiteralDollars(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.env"), "FOO=bar\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  s:
                    image: berth-test/busybox:1
                    command: sleep 100
                    env_file: a.env
                    environment:
                      X: "$$HOME"
                    pull_policy: never
                    scale: 1
                """);
        Project p = Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).environment(Map.of()).build());
        // Compose 2.26.1 labelled this service's container with this hash in a directory of the same layout.
        assertThat(ServiceHash.json(p.services().get("s"), x -> null)).isEqualTo(
                "{\"command\":[\"sleep\",\"100\"],\"entrypoint\":null,\"environment\":{\"FOO\":\"bar\",\"X\":\"$HOME\"},"
                        + "\"image\":\"berth-test/busybox:1\",\"networks\":{\"default\":null}}");
        assertThat(ServiceHash.of(p.services().get("s"), x -> null))
                .isEqualTo("33a34686b370a8788f2c4f9fbe596b20f68f18d003d0b45dca8019bd711dab26");
    }

    @Test
    void hash_resolvesServiceNetworkModeToTheContainerId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  main:
                    image: x
                  side:
                    image: x
                    network_mode: service:main
                """);
        Project p = Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).environment(Map.of()).build());
        String json = ServiceHash.json(p.services().get("side"), s -> s.equals("main") ? "abc123" : null);
        assertThat(json).contains("\"network_mode\":\"container:abc123\"");
    }

    @Test
    void json_escapesHtmlCharactersLikeGo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  s:
                    image: x
                    environment:
                      A: "x<y&z>"
                """);
        Project p = Compose.load(LoadOptions.builder().file(dir.resolve("compose.yaml")).environment(Map.of()).build());
        assertThat(ServiceHash.json(p.services().get("s"), x -> null)).contains("x\\u003cy\\u0026z\\u003e");
    }
}
