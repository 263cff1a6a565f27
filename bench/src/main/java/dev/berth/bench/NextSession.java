package dev.berth.bench;

import dev.berth.CleanupReport;
import dev.berth.Engine;
import dev.berth.EngineConfig;

/** Child JVM: starts a Berth session as berth-junit does (connect, heartbeat, reap) and prints what it removed. */
public final class NextSession {
    private NextSession() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.connect(EngineConfig.builder().cleanupOnClose(true).build())) {
            engine.startHeartbeat();
            CleanupReport r = engine.reapDeadSessions();
            System.out.println("REAPED " + r.containers().size() + " " + r.networks().size() + " " + r.volumes().size());
            System.out.flush();
        }
    }
}
