package dev.berth.junit.internal;

import dev.berth.EngineConfig;
import dev.berth.container.ContainerSpec;
import dev.berth.container.internal.CreateMapping;
import dev.berth.container.internal.InspectMapping;
import dev.berth.internal.Json;
import dev.berth.internal.ProcessKey;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads, on a background thread while JUnit discovers the tests, the code a Berth session runs before its first
 * fixture reaches the engine: JSON, the container create and inspect mappings, the engine configuration, the
 * heartbeat's process key, the HTTP client and the fixture machinery. In a fresh test JVM that loading otherwise sits
 * on the first class's critical path — 70–100 ms of a 1.7 s class on the issue 10 benchmark (docs/benchmarks.md) —
 * while discovery leaves the second core idle. The same idea as Spring Boot's background pre-initializer.
 *
 * <p>It calls no engine and creates nothing: a test JVM that never runs a Berth test only spends the loading, off its
 * main thread. Registered for JUnit's launcher through {@code META-INF/services}; runs once per JVM; the system
 * property {@code berth.preinit=false} turns it off.
 */
public final class Preinit implements LauncherSessionListener {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"false".equals(System.getProperty("berth.preinit")) && STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(Preinit::load, "berth-preinit");
            t.setDaemon(true);
            t.start();
        }
    }

    /** What a session's first fixture runs through, without the engine calls. */
    static void load() {
        try {
            ProcessKey.self();
            EngineConfig.builder(System.getenv()).build();
            ContainerSpec spec = ContainerSpec.builder("preinit").command("true").publish(80).env("K", "V").init()
                    .build();
            Json.bytes(CreateMapping.body(spec, Map.of("k", "v")));
            InspectMapping.map(Json.read("{\"Id\":\"0\",\"Name\":\"/preinit\",\"State\":{\"Status\":\"running\"},"
                    + "\"NetworkSettings\":{\"Ports\":{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"1\"}]}}}"));
            for (Class<?> c : List.of(dev.berth.Engine.class, dev.berth.internal.Connection.class,
                    dev.berth.internal.EngineHttp.class, dev.berth.internal.RawApi.class,
                    dev.berth.internal.Heartbeat.class, dev.berth.container.Container.class,
                    dev.berth.wait.Wait.class, EngineSession.class, FixtureGraph.class, Scope.class,
                    ContainerFixture.class)) {
                Class.forName(c.getName(), true, c.getClassLoader());
            }
        } catch (RuntimeException | LinkageError | ClassNotFoundException e) {
            // Nothing lost: the session loads what it needs itself, and reports what is wrong where it matters.
        }
    }
}
