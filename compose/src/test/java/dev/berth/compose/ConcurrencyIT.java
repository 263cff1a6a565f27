package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Several Compose projects brought up and down at once on one {@link Engine}, each from its own thread. */
@ExtendWith(EngineExtension.class)
class ConcurrencyIT {
    private static final int PROJECTS = 8;

    @Test
    void eightProjects_upAndDownAtOnce_allSucceedAndNothingLeaks(Engine engine, @TempDir Path dir) throws Exception {
        String yaml = """
                services:
                  web:
                    image: IMAGE
                    command: ["httpd", "-f", "-p", "8080"]
                    ports: ["127.0.0.1::8080"]
                    depends_on: [db]
                    networks: [back]
                    stop_grace_period: 1s
                  db:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    volumes: ["data:/data"]
                    networks: [back]
                    stop_grace_period: 1s
                networks:
                  back: {}
                volumes:
                  data: {}
                """;
        Path file = Stacks.write(dir, yaml, Map.of());
        String run = Names.unique("cc");
        ExecutorService pool = Executors.newFixedThreadPool(PROJECTS);
        List<ComposeProject> projects = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            projects.add(Stacks.project(engine, file, run + "-" + i));
        }
        try {
            List<Future<List<String>>> ups = new ArrayList<>();
            for (ComposeProject p : projects) {
                ups.add(pool.submit(() -> {
                    p.up().waitReady(Duration.ofSeconds(120)).run();
                    return p.ps().stream().filter(ServiceContainer::isRunning).map(ServiceContainer::name).toList();
                }));
            }
            for (int i = 0; i < PROJECTS; i++) {
                String name = projects.get(i).name();
                assertThat(ups.get(i).get(5, TimeUnit.MINUTES)).containsExactlyInAnyOrder(name + "-web-1", name + "-db-1");
                assertThat(projects.get(i).port("web", 8080)).isPresent();
            }
            List<Future<?>> downs = new ArrayList<>();
            for (ComposeProject p : projects) {
                downs.add(pool.submit(() -> p.down().volumes().run()));
            }
            for (Future<?> f : downs) {
                f.get(5, TimeUnit.MINUTES);
            }
            for (ComposeProject p : projects) {
                assertThat(p.psAll()).as(p.name()).isEmpty();
                assertThat(engine.networks().find(p.name() + "_back")).as(p.name()).isEmpty();
                assertThat(engine.volumes().find(p.name() + "_data")).as(p.name()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
            for (ComposeProject p : projects) {
                p.down().volumes().timeout(Duration.ZERO).run();
            }
        }
    }
}
