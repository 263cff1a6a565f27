package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.EngineUnavailableException;
import dev.berth.testing.FaultEngine;
import dev.berth.testing.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine crashes in the middle of {@code up}, on the fault engine that only fault tests kill. As with
 * {@code docker compose up}, the call fails, and running it again once the engine is back converges on the same
 * containers: one per service, no duplicates, all running.
 */
class ComposeFaultsIT {
    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = FaultEngine.connect();
    }

    @AfterAll
    static void cleanUp() {
        FaultEngine.release(engine);
    }

    @Test
    void up_engineKilledWhileWaitingForAHealthyDependency_failsThenARerunConverges(@TempDir Path dir) throws Exception {
        String yaml = """
                services:
                  db:
                    image: IMAGE
                    command: ["sh", "-c", "sleep 3; touch /tmp/ready; exec sleep 3600"]
                    healthcheck:
                      test: ["CMD", "test", "-f", "/tmp/ready"]
                      interval: 500ms
                      retries: 60
                    stop_grace_period: 1s
                  web:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    depends_on:
                      db:
                        condition: service_healthy
                    stop_grace_period: 1s
                  worker:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    depends_on: [web]
                    stop_grace_period: 1s
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("fault"));
        CountDownLatch dbStarted = new CountDownLatch(1);
        try {
            CompletableFuture<UpResult> up = CompletableFuture.supplyAsync(() -> app.up()
                    .progress(e -> {
                        if (e.name().equals(app.name() + "-db-1") && e.status().equals("Started")) {
                            dbStarted.countDown();
                        }
                    }).run());
            assertThat(dbStarted.await(60, TimeUnit.SECONDS)).as("db started").isTrue();
            FaultEngine.kill(); // up is now waiting for db to become healthy
            assertThatThrownBy(() -> up.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(EngineUnavailableException.class);

            FaultEngine.start();
            app.up().waitReady(Duration.ofSeconds(60)).run();
            assertThat(app.psAll()).extracting(ServiceContainer::name)
                    .containsExactlyInAnyOrder(app.name() + "-db-1", app.name() + "-web-1", app.name() + "-worker-1");
            assertThat(app.ps()).allSatisfy(c -> assertThat(c.isRunning()).as(c.name()).isTrue()).hasSize(3);
        } finally {
            FaultEngine.start();
            app.down().volumes().timeout(Duration.ZERO).run();
        }
    }
}
