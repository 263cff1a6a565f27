package dev.berth.testing;

import dev.berth.CleanupReport;
import dev.berth.Engine;
import dev.berth.EngineConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine that fault-injection tests may stop, kill and restart ({@code .ci/lib/fault-engine.sh}, started by
 * {@code .ci/run}): the system's dockerd on its own socket, data root and bridge, so that its restarts never touch the
 * main engine. The tests must run as root, as CI does.
 */
public final class FaultEngine {
    /** The fault engine's socket. */
    public static final String HOST = "unix:///var/run/docker-fault.sock";

    private FaultEngine() {
    }

    /** Starts the fault engine unless it answers, and connects to it; the test's busybox image is built on it. */
    public static Engine connect() {
        ctl("start");
        Engine engine = Engine.connect(EngineConfig.builder(Map.of()).host(HOST).build());
        TestImages.busybox(engine);
        return engine;
    }

    /**
     * Ends a test class's use of the fault engine: starts it if a test left it down, removes the session's resources
     * and fails if there were any, then closes the connection. Null-safe.
     */
    public static void release(Engine engine) {
        if (engine == null) {
            return;
        }
        try {
            start();
            CleanupReport left = engine.cleanup();
            if (!left.isEmpty()) {
                throw new AssertionError("left on the fault engine (now removed): " + left);
            }
        } finally {
            engine.close();
        }
    }

    /** Stops the engine as {@code systemctl stop docker} does (SIGTERM; it stops its containers first). */
    public static void stop() {
        ctl("stop");
    }

    /** Kills the engine (SIGKILL): its connections drop mid-response, as after a crash. */
    public static void kill() {
        ctl("kill");
    }

    /** Starts the engine and waits until it answers. */
    public static void start() {
        ctl("start");
    }

    private static void ctl(String action) {
        Path script = script();
        try {
            Process p = new ProcessBuilder("bash", script.toString(), action).redirectErrorStream(true).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("fault-engine.sh " + action + " did not finish within 90 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("fault-engine.sh " + action + " failed (" + p.exitValue() + "): " + out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running fault-engine.sh " + action, e);
        }
    }

    /** {@code .ci/lib/fault-engine.sh}, found from the working directory (a module) upwards. */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".ci/lib/fault-engine.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(".ci/lib/fault-engine.sh not found above " + Path.of("").toAbsolutePath());
    }
}
