package dev.berth.bench;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.examples.ComposeScale;
import dev.berth.examples.DevEnvironment;
import dev.berth.examples.FlaskRedis;
import dev.berth.examples.HealthGated;
import dev.berth.examples.MultiStageBuild;
import dev.berth.examples.PersistDatabase;
import dev.berth.examples.PublishPort;
import dev.berth.examples.QuickStart;
import dev.berth.examples.SwarmWalkthrough;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Walkthroughs;
import dev.berth.image.ImageRemoveOption;
import dev.berth.image.ImageSummary;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cold and warm wall time of each walk-through, in-process (no Maven, no JVM start): cold with none of the
 * walk-throughs' images on the engine (so the Debian base is made with debootstrap and every image it needs is built),
 * warm right after, with everything cached. Then the CI case: all nine in a row from nothing. Output of each run goes
 * to {@code target/walkthroughs/}. Usage: {@code WalkthroughBenchmark [cold|warm|sequence]...} (default all three);
 * {@code -Dwalkthroughs=QuickStart,PublishPort} runs only those.
 * Puts the engine into swarm mode for walk-through 9: run it under {@code flock /tmp/berth-swarm.lock}.
 */
public final class WalkthroughBenchmark {
    private static final Map<String, Walkthroughs.Body> ALL = new LinkedHashMap<>();

    static {
        ALL.put("QuickStart", QuickStart::run);
        ALL.put("PublishPort", PublishPort::run);
        ALL.put("PersistDatabase", PersistDatabase::run);
        ALL.put("DevEnvironment", DevEnvironment::run);
        ALL.put("FlaskRedis", FlaskRedis::run);
        ALL.put("MultiStageBuild", MultiStageBuild::run);
        ALL.put("ComposeScale", (e, c) -> ComposeScale.run(e, c, ComposeScale.CLIENTS));
        ALL.put("HealthGated", HealthGated::run);
        ALL.put("SwarmWalkthrough", SwarmWalkthrough::run);
    }

    private WalkthroughBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.List<String> modes = args.length == 0 ? java.util.List.of("cold", "warm", "sequence")
                : java.util.List.of(args);
        String only = System.getProperty("walkthroughs");
        if (only != null) {
            ALL.keySet().retainAll(java.util.List.of(only.split(",")));
        }
        Files.createDirectories(Path.of("target", "walkthroughs"));
        try (Engine engine = Engine.connect(EngineConfig.builder().cleanupOnClose(true).build())) {
            System.out.println("| walk-through | cold s | warm s | load before |");
            System.out.println("|---|---:|---:|---|");
            for (Map.Entry<String, Walkthroughs.Body> w : ALL.entrySet()) {
                String load = loadAverage();
                double cold = Double.NaN;
                if (modes.contains("cold")) {
                    removeCachedImages(engine);
                    cold = time(engine, w.getKey() + "-cold", w.getValue());
                }
                double warm = modes.contains("warm") ? time(engine, w.getKey() + "-warm", w.getValue()) : Double.NaN;
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", w.getKey(), cold, warm, load);
            }
            if (modes.contains("sequence")) {
                removeCachedImages(engine);
                String load = loadAverage();
                long start = System.nanoTime();
                for (Map.Entry<String, Walkthroughs.Body> w : ALL.entrySet()) {
                    time(engine, w.getKey() + "-sequence", w.getValue());
                }
                System.out.printf(Locale.ROOT, "%s in a row from no cached image: %.1f s (load before %s)%n", ALL.keySet(),
                        (System.nanoTime() - start) / 1e9, load);
            }
        }
    }

    /** Runs one walk-through on a plain console into a file; returns seconds. */
    static double time(Engine engine, String name, Walkthroughs.Body body) throws Exception {
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of("target", "walkthroughs", name + ".txt")),
                true, StandardCharsets.UTF_8)) {
            long start = System.nanoTime();
            body.run(engine, Console.plain(out));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Removes every image the walk-throughs cached (and with them their build layers). */
    static void removeCachedImages(Engine engine) {
        for (int pass = 0; pass < 3; pass++) {
            for (ImageSummary s : engine.images().label(DebianImages.INPUTS_LABEL).list()) {
                try {
                    engine.image(s.id()).remove(ImageRemoveOption.FORCE);
                } catch (RuntimeException childFirst) {
                    // a base with children goes in a later pass
                }
            }
        }
        if (!engine.images().label(DebianImages.INPUTS_LABEL).list().isEmpty()) {
            throw new IllegalStateException("cached walk-through images are still there: "
                    + engine.images().label(DebianImages.INPUTS_LABEL).list());
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
