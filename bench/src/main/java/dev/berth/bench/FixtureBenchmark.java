package dev.berth.bench;

import dev.berth.Engine;
import dev.berth.EngineConfig;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Wall time of a test class with 3 class-scoped containers and 20 test methods, written with berth-junit and with
 * Testcontainers 2.0.5 (sequential start, its default, and its opt-in parallel start), each run in a fresh JVM
 * through the JUnit launcher, alternating; times from process launch to exit. Usage: {@code FixtureBenchmark [rounds]}.
 */
public final class FixtureBenchmark {
    private FixtureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        boolean taggedAlpine = false;
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            LifecycleBenchmark.ensureImage(engine);
            if (!engine.image("alpine:3.17").exists()) {
                // Testcontainers runs its startup checks in alpine:3.17; without a registry, busybox stands in.
                engine.image(LifecycleBenchmark.IMAGE).tag("alpine:3.17");
                taggedAlpine = true;
            }
        }
        String cp = System.getProperty("java.class.path");
        List<Class<?>> classes = List.of(FixtureClassBerth.class, FixtureClassTestcontainers.class,
                FixtureClassTestcontainersParallel.class);
        Stats[] wall = {new Stats(), new Stats(), new Stats()};
        Stats[] inLauncher = {new Stats(), new Stats(), new Stats()};
        Stats perRound = new Stats();
        for (int i = 0; i < rounds + 1; i++) {
            double[] round = new double[3];
            for (int k = 0; k < classes.size(); k++) {
                int c = (k + i) % classes.size(); // rotate which goes first
                double[] t = launch(cp, classes.get(c).getName());
                round[c] = t[0];
                if (i > 0) {
                    wall[c].add(t[0]);
                    inLauncher[c].add(t[1]);
                }
            }
            if (i > 0) {
                perRound.add(round[0] / round[1]);
            }
        }
        String[] names = {"**Berth** (berth-junit)", "Testcontainers 2.0.5", "Testcontainers 2.0.5, parallel = true"};
        System.out.println("| class | n | median ms | p10 ms | p90 ms | median in launcher ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int c = 0; c < 3; c++) {
            System.out.println(wall[c].row(names[c]) + String.format(" %.1f |", inLauncher[c].median()));
        }
        System.out.printf("Berth / Testcontainers = %.3f (wall medians), %.3f (median of per-round ratios), %.3f (in"
                        + " launcher); Berth / Testcontainers parallel = %.3f%n", wall[0].median() / wall[1].median(),
                perRound.median(), inLauncher[0].median() / inLauncher[1].median(), wall[0].median() / wall[2].median());
        if (taggedAlpine) {
            try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
                engine.image("alpine:3.17").remove();
            }
        }
    }

    /** Wall ms from launch to exit, and the ms the child spent in the JUnit launcher. */
    private static double[] launch(String cp, String testClass) throws Exception {
        // berth-junit is on the one classpath of both; its launcher session listener (which opens nothing for a class
        // that is not a Berth test) stays out of the Testcontainers JVMs altogether.
        String early = "-Dberth.earlySession=" + testClass.equals(FixtureClassBerth.class.getName());
        ProcessBuilder pb = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java", early, "-cp",
                cp, FixtureRunner.class.getName(), testClass)).redirectErrorStream(true);
        pb.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        long start = System.nanoTime();
        Process p = pb.start();
        double launcher = -1;
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
                if (line.startsWith("DONE ")) {
                    launcher = Double.parseDouble(line.split(" ")[3]);
                }
            }
        }
        int code = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        if (code != 0 || launcher < 0 || !out.toString().contains("DONE 20 0")) {
            throw new IllegalStateException(testClass + " failed:\n" + out);
        }
        return new double[] {wall, launcher};
    }
}
