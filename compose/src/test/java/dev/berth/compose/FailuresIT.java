package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures name the service and the reason, leave nothing half-made, and {@code down} still cleans up. */
@ExtendWith(EngineExtension.class)
class FailuresIT {

    @Test
    void up_failsNamingTheServiceWhoseHealthCheckFails(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  app:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    depends_on:
                      db:
                        condition: service_healthy
                  db:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    healthcheck:
                      test: ["CMD", "false"]
                      interval: 300ms
                      retries: 2
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("cefail"));
        try {
            assertThatThrownBy(() -> app.up().run())
                    .isInstanceOf(ComposeException.class)
                    .hasMessageContaining(app.name() + "-db-1 is unhealthy")
                    .satisfies(e -> assertThat(((ComposeException) e).service()).contains("db"));
            // The dependent was created but never started: it is removed, not left half-made.
            assertThat(app.psAll()).extracting(ServiceContainer::service).containsExactly("db");
        } finally {
            app.down().volumes().timeout(Duration.ZERO).run();
        }
        assertThat(app.psAll()).isEmpty();
    }

    @Test
    void up_failsOnATakenPortAndLeavesNoContainerBehind(Engine engine, @TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String yaml = """
                    services:
                      web:
                        image: IMAGE
                        command: ["httpd", "-f", "-p", "80"]
                        ports: ["127.0.0.1:PORT:80"]
                      side:
                        image: IMAGE
                        command: ["sleep", "3600"]
                    """.replace("PORT", Integer.toString(taken.getLocalPort()));
            ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("cefail"));
            try {
                assertThatThrownBy(() -> app.up().run())
                        .isInstanceOf(ComposeException.class)
                        .hasMessageContaining("Cannot start service 'web'")
                        .hasMessageContaining(Integer.toString(taken.getLocalPort()))
                        .satisfies(e -> assertThat(((ComposeException) e).service()).contains("web"));
                assertThat(app.psAll()).extracting(ServiceContainer::service).doesNotContain("web");
            } finally {
                app.down().timeout(Duration.ZERO).run();
            }
            assertThat(app.psAll()).isEmpty();
            assertThat(engine.dockerClient().listNetworksCmd().withNameFilter(app.name()).exec()).isEmpty();
        }
    }

    @Test
    void up_failsOnAnUnbuildableImageBeforeCreatingAnything(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  broken:
                    build:
                      context: ./broken
                  fine:
                    image: IMAGE
                    command: ["sleep", "3600"]
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml,
                Map.of("broken/Dockerfile", "FROM " + Stacks.IMAGE + "\nRUN exit 3\n")), Names.unique("cefail"));
        try {
            assertThatThrownBy(() -> app.up().run())
                    .isInstanceOf(ComposeException.class)
                    .hasMessageContaining("Cannot build the image of service 'broken'")
                    .satisfies(e -> assertThat(((ComposeException) e).service()).contains("broken"));
            assertThat(app.psAll()).isEmpty();
        } finally {
            app.down().rmi(RemoveImages.LOCAL).timeout(Duration.ZERO).run();
        }
    }

    /** A registry on a closed loopback port: the pull fails without leaving this machine. */
    @Test
    void up_failsOnAnUnpullableImage(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  ghost:
                    image: 127.0.0.1:1/berth-test/does-not-exist:404
                    pull_policy: missing
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("cefail"));
        try {
            assertThatThrownBy(() -> app.up().run())
                    .isInstanceOf(ComposeException.class)
                    .hasMessageContaining("Cannot pull image '127.0.0.1:1/berth-test/does-not-exist:404' for service 'ghost'");
            assertThat(app.psAll()).isEmpty();
        } finally {
            app.down().run();
        }
    }

    @Test
    void up_failsWhenAOneShotDependencyExitsNonZero_butOptionalDependenciesOnlyWarn(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  app:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    depends_on:
                      migrate:
                        condition: service_completed_successfully
                      flaky:
                        condition: service_healthy
                        required: false
                  migrate:
                    image: IMAGE
                    command: ["sh", "-c", "exit 4"]
                  flaky:
                    image: IMAGE
                    command: ["sh", "-c", "exit 1"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 300ms
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("cefail"));
        try {
            assertThatThrownBy(() -> app.up().run())
                    .isInstanceOf(ComposeException.class)
                    .hasMessageContaining("service \"migrate\" didn't complete successfully: exit 4");
        } finally {
            app.down().timeout(Duration.ZERO).run();
        }
    }

    @Test
    void up_rejectsScaleWithContainerName(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  one:
                    image: IMAGE
                    container_name: CNAME
                """.replace("CNAME", Names.unique("cefixed"));
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("cefail"));
        assertThatThrownBy(() -> app.up().scale("one", 2).run())
                .isInstanceOf(ComposeException.class)
                .hasMessageContaining("container_name");
        assertThat(app.psAll()).isEmpty();
        app.down().run();
    }
}
