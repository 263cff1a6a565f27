package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.WaitTimeoutException;
import dev.berth.container.Container;
import dev.berth.container.HealthCheck;
import dev.berth.container.HealthStatus;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Http;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each wait strategy against containers that become ready late, never, or die. */
@ExtendWith(EngineExtension.class)
class WaitIT {
    private static final String SLOW_HTTPD = "sleep 1; mkdir -p /w && echo ready > /w/index.html && exec httpd -f -p 80 -h /w";

    @Test
    void logMessage_countsMatches(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX)
                .command("sh", "-c", "for i in 1 2 3; do sleep 0.2; echo 'worker ready'; done; sleep 60").detached()
                .waitingFor(Wait.forLogMessage("worker ready", 3).withTimeout(Duration.ofSeconds(10))).run()) {
            assertThat(c.logs().fetch().stdout()).isEqualTo("worker ready\nworker ready\nworker ready\n");
        }
    }

    @Test
    void port_waitsUntilServerListens(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", SLOW_HTTPD).publish(80).detached()
                .waitingFor(Wait.forPort(80).withTimeout(Duration.ofSeconds(15))).run()) {
            assertThat(Http.get(c.hostPort(80), "/")).isEqualTo("ready\n");
        }
    }

    @Test
    void port_nothingListening_timesOutNamingTheContainerSide(Engine engine) {
        // The engine's port proxy accepts on the host port although nothing listens inside; the wait asks the
        // container's own address (the engine runs on this machine), which refuses, and says so.
        assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).command("sleep", "60").publish(80).detached()
                .waitingFor(Wait.forPort(80).withTimeout(Duration.ofSeconds(2))).run())
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("nothing listening on 80/tcp in the container yet");
        assertThat(engine.containers().all().ownSession().ids()).as("a failed wait removes the container").isEmpty();
    }

    @Test
    void port_serverThatClosesAtOnce_countsAsListening(Engine engine) {
        // Something inside accepts, so the port serves — even a server that closes each connection at once without
        // a word (nc with nothing to send), which through the engine's port proxy alone looks like an empty port.
        try (Container c = engine.container(TestImages.BUSYBOX)
                .command("sh", "-c", "while true; do nc -l -p 80 < /dev/null; done").publish(80).detached()
                .waitingFor(Wait.forPort(80).withTimeout(Duration.ofSeconds(15))).run()) {
            assertThat(c.isRunning()).isTrue();
        }
    }

    @Test
    void http_waitsForStatus(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", SLOW_HTTPD).publish(80).detached()
                .waitingFor(Wait.forHttp("/index.html").forPort(80).withTimeout(Duration.ofSeconds(15))).run()) {
            assertThat(Http.get(c.hostPort(80), "/index.html")).isEqualTo("ready\n");
        }
    }

    @Test
    void http_acceptsEveryStatusGiven(Engine engine) {
        // busybox httpd answers 404 for a missing page: accepted because it was asked for alongside 200
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", SLOW_HTTPD).publish(80).detached()
                .waitingFor(Wait.forHttp("/missing").forStatus(200).forStatus(404).withTimeout(Duration.ofSeconds(15)))
                .run()) {
            assertThat(Http.get(c.hostPort(80), "/index.html")).isEqualTo("ready\n");
        }
    }

    @Test
    void http_missingPathTimesOutWithLastStatus(Engine engine) {
        assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).command("sh", "-c", SLOW_HTTPD).publish(80)
                .detached().waitingFor(Wait.forHttp("/missing").withTimeout(Duration.ofSeconds(3))).run())
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("HTTP GET /missing").hasMessageContaining("HTTP 404");
        assertThat(engine.containers().all().ownSession().ids()).as("a failed wait removes the container").isEmpty();
    }

    @Test
    void healthy_followsHealthEvents(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", "sleep 1; touch /ok; sleep 60")
                .healthCheck(HealthCheck.shell("test -f /ok").interval(Duration.ofMillis(100)))
                .detached().waitingFor(Wait.forHealthy().withTimeout(Duration.ofSeconds(15))).run()) {
            assertThat(c.inspect().health()).isEqualTo(HealthStatus.HEALTHY);
        }
    }

    @Test
    void healthy_withoutHealthCheck_failsClearly(Engine engine) {
        assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).command("sleep", "60").detached()
                .waitingFor(Wait.forHealthy()).run())
                .isInstanceOf(BerthException.class).hasMessageContaining("has no health check");
    }

    @Test
    void healthy_containerDies_failsFast(Engine engine) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).command("sh", "-c", "sleep 1; exit 3")
                .healthCheck(HealthCheck.shell("false").interval(Duration.ofMillis(100)))
                .detached().waitingFor(Wait.forHealthy().withTimeout(Duration.ofSeconds(30))).run())
                .isInstanceOf(BerthException.class).hasMessageContaining("exited (code 3)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void exit_withExpectedCode(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", "exit 0").detached()
                .waitingFor(Wait.forExit(0)).run()) {
            assertThat(c.inspect().exitCode()).isZero();
        }
        assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).command("sh", "-c", "exit 4").detached()
                .waitingFor(Wait.forExit(0)).run())
                .isInstanceOf(BerthException.class).hasMessageContaining("exited with code 4, expected 0");
    }

    @Test
    void exit_fromTheDieEvent_leavesStateAndLogsFinal(Engine engine) {
        // Wait.forExit() returns on the engine's die event; by then docker inspect already shows the exit and
        // docker logs has all output, as after docker wait.
        for (int i = 0; i < 3; i++) {
            try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", "sleep 0.3; echo last words; exit 5")
                    .detached().waitingFor(Wait.forExit(5)).run()) {
                assertThat(c.inspect().state()).isEqualTo(dev.berth.container.ContainerState.EXITED);
                assertThat(c.inspect().exitCode()).isEqualTo(5);
                assertThat(c.logs().fetch().stdout()).isEqualTo("last words\n");
            }
        }
        try (Container done = engine.container(TestImages.BUSYBOX).command("true").create()) {
            done.start();
            assertThat(done.await(Duration.ofSeconds(30))).isZero();
            Wait.forExit(0).waitUntilReady(done, Deadline.in(Duration.ofSeconds(5))); // already exited: at once
        }
        assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).command("sleep", "30").detached()
                .waitingFor(Wait.forExit().withTimeout(Duration.ofSeconds(1))).run())
                .isInstanceOf(dev.berth.WaitTimeoutException.class).hasMessageContaining("still running");
    }

    @Test
    void allOf_runsEachUnderOneTimeout(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX)
                .command("sh", "-c", "echo booting; " + SLOW_HTTPD).publish(80).detached()
                .waitingFor(Wait.allOf(Wait.forLogMessage("booting"), Wait.forHttp("/")).withTimeout(Duration.ofSeconds(15)))
                .run()) {
            assertThat(Http.get(c.hostPort(80), "/")).isEqualTo("ready\n");
        }
    }

    @Test
    void timeout_namesWhatWasAwaitedAndLastState(Engine engine) {
        assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).command("sleep", "60").detached()
                .waitingFor(Wait.forLogMessage("never").withTimeout(Duration.ofMillis(500))).run())
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.awaited()).contains("log message /never/");
                    assertThat(e.lastState()).contains("0 of 1 matches");
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
                });
    }
}
