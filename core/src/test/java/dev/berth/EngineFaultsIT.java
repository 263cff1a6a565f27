package dev.berth;

import dev.berth.container.Container;
import dev.berth.container.LogLine;
import dev.berth.container.LogStream;
import dev.berth.events.EngineEvent;
import dev.berth.events.EventStream;
import dev.berth.image.BuildEvent;
import dev.berth.image.BuildSpec;
import dev.berth.testing.FaultEngine;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine goes away in the middle of a call, on the fault engine ({@link FaultEngine}) that only these tests stop
 * and kill. What the docker CLI does in each case is the reference, pinned here from docker 28 against this engine:
 * {@code docker logs -f} ends with exit 0 when the engine stops (it stops the container first) and fails with
 * "unexpected EOF" when the engine is killed; {@code docker events} fails with "unexpected EOF" either way;
 * {@code docker build} fails ("unexpected EOF" when the engine is killed; the engine's own error when it is stopped
 * mid-step); the next command after a restart works.
 */
class EngineFaultsIT {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = FaultEngine.connect();
    }

    @AfterEach
    void engineBack() {
        FaultEngine.start();
    }

    @AfterAll
    static void cleanUp() {
        FaultEngine.release(engine);
    }

    @Test
    void keptAliveConnection_afterEngineRestart_isNotReusedIntoAFailedCall() {
        for (int i = 0; i < 3; i++) {
            engine.version(); // leaves a kept-alive connection in the pool
        }
        FaultEngine.stop();
        FaultEngine.start();
        for (int i = 0; i < 5; i++) {
            assertThat(engine.version().apiVersion()).isNotBlank();
        }
        try (Container c = engine.container(TestImages.BUSYBOX).command("true").create()) {
            assertThat(c.inspect().image()).isNotBlank();
        }
    }

    @Test
    void keptAliveConnection_afterEngineKill_isNotReusedIntoAFailedCall() {
        engine.version();
        FaultEngine.kill();
        assertThatThrownBy(engine::version).isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("docker-fault.sock");
        FaultEngine.start();
        assertThat(engine.version().apiVersion()).isNotBlank();
    }

    @Test
    void logFollow_engineKilled_failsWithEngineUnavailable() {
        Container c = ticker();
        try (LogStream logs = c.logs().open()) {
            assertThat(logs.next(BOUND)).isPresent();
            FaultEngine.kill();
            assertThatThrownBy(() -> drain(logs)).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining(c.name());
        } finally {
            FaultEngine.start();
            c.remove(dev.berth.container.RemoveOption.FORCE);
        }
    }

    @Test
    void logFollow_engineStopped_endsAsTheContainerStops() {
        Container c = ticker();
        try (LogStream logs = c.logs().open()) {
            assertThat(logs.next(BOUND)).isPresent();
            FaultEngine.stop();
            List<LogLine> rest = drain(logs);
            assertThat(logs.isEnded()).isTrue();
            assertThat(rest.size()).isLessThan(1000);
        } finally {
            FaultEngine.start();
            c.remove(dev.berth.container.RemoveOption.FORCE);
        }
    }

    @Test
    void eventStream_engineStopped_failsWithEngineUnavailable() {
        try (EventStream events = engine.events().open()) {
            FaultEngine.stop();
            assertThatThrownBy(() -> {
                for (long end = System.nanoTime() + BOUND.toNanos(); System.nanoTime() < end; ) {
                    Optional<EngineEvent> e = events.next(Duration.ofSeconds(1));
                    if (e.isEmpty() && events.ended()) {
                        return;
                    }
                }
            }).isInstanceOf(EngineUnavailableException.class);
        }
    }

    @Test
    void build_engineKilledMidStep_failsWithEngineUnavailable_andARerunBuilds() throws Exception {
        String tag = "berth-fault/" + Names.unique("b") + ":1";
        CountDownLatch sleeping = new CountDownLatch(1);
        BuildSpec spec = BuildSpec.builder()
                .dockerfile("FROM " + TestImages.BUSYBOX + "\nRUN echo sleeping && sleep 4\nRUN echo done > /done\n")
                .tag(tag)
                .noCache() // an interrupted earlier run leaves the RUN step's layer in the cache
                .events(e -> {
                    if (e instanceof BuildEvent.Output o && o.line().equals("sleeping")) {
                        sleeping.countDown();
                    }
                })
                .build();
        CompletableFuture<Object> build = CompletableFuture.supplyAsync(() -> engine.build(spec));
        CompletableFuture.anyOf(build, CompletableFuture.runAsync(() -> awaitQuietly(sleeping)))
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(build).as("the build is still running its RUN step").isNotDone();
        FaultEngine.kill();
        assertThatThrownBy(() -> build.get(BOUND.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(EngineUnavailableException.class);
        FaultEngine.start();
        var image = engine.build(spec.toBuilder().events(e -> { }).build());
        try {
            assertThat(image.exists()).isTrue();
        } finally {
            image.remove();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A container printing a line every 100 ms. */
    private static Container ticker() {
        return engine.container(TestImages.BUSYBOX).name(Names.unique("fault-ticker"))
                .command("sh", "-c", "i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.1; done")
                .detached().run();
    }

    /** Reads lines until the stream ends; fails if it neither ends nor fails within the bound. */
    private static List<LogLine> drain(LogStream logs) {
        List<LogLine> lines = new ArrayList<>();
        for (long end = System.nanoTime() + BOUND.toNanos(); System.nanoTime() < end; ) {
            Optional<LogLine> l = logs.next(Duration.ofSeconds(1));
            if (l.isPresent()) {
                lines.add(l.get());
            } else if (logs.isEnded()) {
                return lines;
            }
        }
        throw new AssertionError("the log stream neither ended nor failed within " + BOUND + " (" + lines.size()
                + " lines)");
    }
}
