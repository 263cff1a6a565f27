package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.junit.samples.ScopesSample;
import dev.berth.junit.samples.VictimSample;
import dev.berth.junit.testing.Forked;
import dev.berth.junit.testing.Kit;
import dev.berth.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cleanup that survives a killed JVM, with no sidecar: two forked JVMs run a JUnit session with fixtures; one is
 * killed with SIGKILL mid-test; the next Berth session removes everything the dead one left, while the other, still
 * running, keeps all of its own.
 */
@ExtendWith(EngineExtension.class)
class CrashRecoveryIT {

    /** Everything labelled with the session except its heartbeat, which a live session renews every 10 s. */
    private static List<String> fixtures(Engine engine, String session) {
        return resources(engine, session).stream().filter(r -> !r.startsWith("volume berth-heartbeat-")).sorted()
                .toList();
    }

    /** A live session's heartbeat volumes: one, or for a moment two while it renews (new created, then old removed). */
    private static List<String> heartbeats(Engine engine, String session) {
        return engine.volumes().label(Labels.SESSION, session).label(Labels.LEASE).names();
    }

    private static List<String> resources(Engine engine, String session) {
        List<String> out = new ArrayList<>();
        engine.containers().all().label(Labels.SESSION, session).ids().forEach(id -> out.add("container " + id));
        engine.networks().label(Labels.SESSION, session).ids().forEach(id -> out.add("network " + id));
        engine.volumes().label(Labels.SESSION, session).names().forEach(n -> out.add("volume " + n));
        return out;
    }

    @Test
    void afterKill9_theNextSessionRemovesWhatTheDeadOneLeft_andLeavesTheLiveOneAlone(Engine engine) throws Exception {
        try (Forked victim = Forked.start(VictimSample.class, false);
             Forked live = Forked.start(VictimSample.class, false)) {
            String dead = victim.await("SESSION", Duration.ofSeconds(120));
            String alive = live.await("SESSION", Duration.ofSeconds(120));
            victim.await("READY", Duration.ofSeconds(10));
            live.await("READY", Duration.ofSeconds(10));
            List<String> left = fixtures(engine, dead);
            List<String> kept = fixtures(engine, alive);
            // 2 containers (static and per-test), a network and a volume each, plus a heartbeat.
            assertThat(left).hasSize(4);
            assertThat(kept).hasSize(4);
            assertThat(heartbeats(engine, dead)).hasSizeBetween(1, 2);
            assertThat(heartbeats(engine, alive)).hasSizeBetween(1, 2);

            victim.kill();
            assertThat(fixtures(engine, dead)).as("a killed JVM cleans up nothing itself").isEqualTo(left);

            Kit.run(ScopesSample.class).testEvents().assertStatistics(s -> s.succeeded(2)); // the next session

            assertThat(resources(engine, dead)).as("what the dead session left, heartbeat included").isEmpty();
            assertThat(fixtures(engine, alive)).as("the live session's fixtures").isEqualTo(kept);
            assertThat(heartbeats(engine, alive)).as("the live session's heartbeat").hasSizeBetween(1, 2);

            live.send();
            assertThat(live.exitCode(Duration.ofSeconds(60))).isZero();
            assertThat(resources(engine, alive)).as("the live session cleaned up after itself").isEmpty();
        }
    }
}
