package dev.berth.examples.support;

import dev.berth.Engine;
import dev.berth.EngineConfig;

import java.util.Locale;
import java.util.UUID;

/**
 * How each walk-through's {@code main} runs: connect to the engine the environment names (as the docker CLI does),
 * print what is shown on a {@link Console}, and remove whatever the session created if the program is interrupted
 * (Ctrl+C) before it cleaned up itself.
 */
public final class Walkthroughs {
    private Walkthroughs() {
    }

    /** A walk-through's body: everything it creates, it removes before returning. */
    @FunctionalInterface
    public interface Body {
        void run(Engine engine, Console console) throws Exception;
    }

    /** Runs {@code body} on the environment's engine and standard output; rethrows what it throws. */
    public static void main(String title, Body body) throws Exception {
        Console console = Console.system();
        long start = System.nanoTime();
        try (Engine engine = Engine.connect(EngineConfig.builder().cleanupOnClose(true).build())) {
            Thread safetyNet = new Thread(engine::cleanup, "berth-walkthrough-cleanup");
            Runtime.getRuntime().addShutdownHook(safetyNet);
            console.println(title);
            console.println("Docker " + engine.version().version() + " (API " + engine.apiVersion() + ") at "
                    + engine.config().host());
            body.run(engine, console);
            Runtime.getRuntime().removeShutdownHook(safetyNet);
        }
        console.println(String.format(Locale.ROOT, "%nDone in %.1f s; the containers, networks and volumes it made are removed (the images stay, as a cache).",
                (System.nanoTime() - start) / 1e9));
    }

    /** A short random suffix that makes container, network and volume names unique to one run. */
    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
