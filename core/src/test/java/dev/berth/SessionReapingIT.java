package dev.berth;

import dev.berth.container.Container;
import dev.berth.events.EventStream;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Heartbeat;
import dev.berth.internal.ProcessKey;
import dev.berth.internal.RawApi;
import dev.berth.network.Network;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats and the reaping of dead sessions on the real engine. Other sessions are forged: resources are created
 * through a view of the engine carrying another session id, and heartbeat volumes are written with the labels a
 * session in another process (same machine) or on another machine would publish. The forked-JVM kill -9 case is
 * covered by berth-junit's CrashRecoveryIT.
 */
@ExtendWith(EngineExtension.class)
class SessionReapingIT {
    private static final ProcessKey SELF = ProcessKey.self().orElseThrow();
    /** A process on another machine: this reader can only go by the heartbeat's age. */
    private static final ProcessKey REMOTE = new ProcessKey("another-boot/pid:[1]", 7, 7);

    /** A session that never ran here: its resources, made through a view, and optionally a forged heartbeat. */
    private record Forged(Engine view, Container container, Network network, Volume volume) {
        void removeLeftovers() {
            view.cleanup();
            // cleanup leaves the heartbeat to its owner
            RawApi.deleteIfPresent(EngineAccess.connection(view), "/volumes/berth-heartbeat-" + view.sessionId() + "-0");
        }

        boolean allGone(Engine engine) {
            return engine.containers().all().label(Labels.SESSION, view.sessionId()).ids().isEmpty()
                    && engine.networks().label(Labels.SESSION, view.sessionId()).ids().isEmpty()
                    && engine.volumes().label(Labels.SESSION, view.sessionId()).names().isEmpty();
        }

        boolean allThere() {
            return container.isRunning() && network.exists() && volume.exists();
        }
    }

    private static Forged forge(Engine engine, ProcessKey process, Duration ttl) {
        Forged f = forgeWithoutHeartbeat(engine);
        Map<String, String> labels = new LinkedHashMap<>(f.view.labels());
        labels.put(Labels.LEASE, Long.toString(ttl.toSeconds()));
        labels.put(Labels.LEASE_PROCESS, process.label());
        RawApi.callJson(EngineAccess.connection(engine), "POST", "/volumes/create",
                Map.of("Name", "berth-heartbeat-" + f.view.sessionId() + "-0", "Labels", labels));
        return f;
    }

    private static Forged forgeWithoutHeartbeat(Engine engine) {
        Engine view = EngineAccess.view(engine, UUID.randomUUID().toString(), Map.of());
        Network net = view.network(Names.unique("reap-net")).create();
        Volume vol = view.volume(Names.unique("reap-vol")).create();
        Container c = view.container(TestImages.busybox(engine)).network(net).volume(vol.name(), "/data")
                .command("sleep", "300").detached().run();
        return new Forged(view, c, net, vol);
    }

    @Test
    void startHeartbeat_publishesALeaseNamingThisProcess_andCloseRemovesIt() {
        String session;
        try (Engine e = Engine.fromEnv()) {
            session = e.sessionId();
            e.startHeartbeat();
            e.startHeartbeat(); // idempotent: still one heartbeat
            List<Volume> beats = e.volumes().label(Labels.SESSION, session).label(Labels.LEASE).volumes();
            assertThat(beats).hasSize(1);
            Map<String, String> labels = beats.get(0).inspect().labels();
            assertThat(labels).containsEntry(Labels.LEASE, "60").containsEntry(Labels.LEASE_PROCESS, SELF.label())
                    .containsEntry(Labels.MANAGED, "true");
        }
        try (Engine check = Engine.fromEnv()) {
            assertThat(check.volumes().label(Labels.SESSION, session).names()).isEmpty();
        }
    }

    @Test
    void heartbeat_isRenewedWithANewVolumeBeforeTheOldOneGoes(Engine engine) {
        Engine session = Engine.fromEnv();
        String first = "berth-heartbeat-" + session.sessionId() + "-0";
        String second = "berth-heartbeat-" + session.sessionId() + "-1";
        try (EventStream removed = engine.events().type("volume").action("destroy").volume(first).open();
             Heartbeat beat = Heartbeat.start(EngineAccess.connection(session), Duration.ofSeconds(60), Duration.ofMillis(200))) {
            // The renewal runs on the heartbeat's timer; the engine's destroy event of the first volume says it ran.
            assertThat(removed.next(Duration.ofSeconds(30))).isPresent();
            assertThat(new Volume(engine, second).exists()).as("the next beat exists before the previous goes").isTrue();
        } finally {
            session.close();
        }
        assertThat(new Volume(engine, second).exists()).isFalse();
    }

    @Test
    void reapDeadSessions_removesOnlyWhatDeadSessionsLeft(Engine engine) {
        Forged remoteExpired = forge(engine, REMOTE, Duration.ZERO);
        Forged localKilled = forge(engine, new ProcessKey(SELF.namespace(), Integer.MAX_VALUE, 1), Duration.ofHours(1));
        Forged remoteFresh = forge(engine, REMOTE, Duration.ofHours(1));
        Forged localRunning = forge(engine, SELF, Duration.ZERO);
        Forged noHeartbeat = forgeWithoutHeartbeat(engine);
        try (Engine reaper = Engine.fromEnv()) {
            reaper.startHeartbeat();
            CleanupReport report = reaper.reapDeadSessions();

            assertThat(remoteExpired.allGone(engine)).as("remote session whose heartbeat expired").isTrue();
            assertThat(localKilled.allGone(engine)).as("local session whose process is gone").isTrue();
            assertThat(report.containers()).contains(remoteExpired.container.id(), localKilled.container.id());
            assertThat(report.networks()).contains(remoteExpired.network.id(), localKilled.network.id());
            assertThat(report.volumes()).contains(remoteExpired.volume.name(), localKilled.volume.name(),
                    "berth-heartbeat-" + remoteExpired.view.sessionId() + "-0");

            assertThat(remoteFresh.allThere()).as("remote session with a fresh heartbeat").isTrue();
            assertThat(localRunning.allThere()).as("local session whose process runs, heartbeat expired").isTrue();
            assertThat(noHeartbeat.allThere()).as("session that never published a heartbeat").isTrue();
            assertThat(report.containers()).doesNotContain(remoteFresh.container.id(), localRunning.container.id(),
                    noHeartbeat.container.id());
        } finally {
            for (Forged f : List.of(remoteExpired, localKilled, remoteFresh, localRunning, noHeartbeat)) {
                f.removeLeftovers();
            }
        }
    }

    @Test
    void sessionsStartingAtOnce_doNotReapEachOther() {
        List<CompletableFuture<Engine>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                Engine e = Engine.fromEnv();
                e.startHeartbeat();
                e.volume(Names.unique("reap-race")).create();
                e.reapDeadSessions();
                return e;
            }));
        }
        List<Engine> engines = starts.stream().map(CompletableFuture::join).toList();
        try {
            for (Engine e : engines) {
                e.reapDeadSessions();
            }
            for (Engine e : engines) {
                assertThat(e.volumes().ownSession().names()).as(e.sessionId())
                        .filteredOn(n -> n.startsWith("reap-race-")).hasSize(1);
            }
        } finally {
            for (Engine e : engines) {
                e.cleanup();
                e.close();
            }
        }
    }
}
