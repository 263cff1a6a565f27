package dev.berth.bench;

import dev.berth.Engine;
import dev.berth.EngineConfig;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Time from launching a fresh JVM to its first running container, Berth vs Testcontainers 2.0.5 (Ryuk disabled) and
 * vs the transport candidate (the same calls on Apache HttpClient 5.6), same image, alternating. Usage:
 * {@code FirstContainerBenchmark [rounds]}; run with the bench classpath.
 */
public final class FirstContainerBenchmark {
    private FirstContainerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            LifecycleBenchmark.ensureImage(engine);
            if (!engine.image("alpine:3.17").exists()) {
                // Testcontainers runs its startup checks in alpine:3.17; without a registry, busybox stands in.
                engine.image(LifecycleBenchmark.IMAGE).tag("alpine:3.17");
            }
        }
        String cp = System.getProperty("java.class.path");
        Stats berth = new Stats();
        Stats tc = new Stats();
        Stats hc5 = new Stats();
        for (int i = 0; i < rounds + 1; i++) {
            double b = launch(cp, FirstContainerBerth.class.getName());
            double t = launch(cp, FirstContainerTestcontainers.class.getName());
            double h = LifecycleBenchmark.CANDIDATE ? launch(cp, FirstContainerHc5.class.getName()) : 0;
            if (i > 0) {
                berth.add(b);
                tc.add(t);
                hc5.add(h);
            }
        }
        System.out.println("| path | n | median ms | p10 ms | p90 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        System.out.println(berth.row("Berth"));
        System.out.println(tc.row("Testcontainers 2.0.5"));
        if (LifecycleBenchmark.CANDIDATE) {
            System.out.println(hc5.row("ping, create, start on Apache HttpClient 5.6 (candidate)"));
        }
        System.out.printf("Berth / Testcontainers = %.3f%n", berth.median() / tc.median());
        if (LifecycleBenchmark.CANDIDATE) {
            System.out.printf("HttpClient 5.6 candidate / Testcontainers = %.3f%n", hc5.median() / tc.median());
        }
    }

    private static double launch(String cp, String main) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java", "-cp", cp, main))
                .redirectErrorStream(true);
        pb.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        long start = System.nanoTime();
        Process p = pb.start();
        double elapsed = -1;
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
                if (line.startsWith("RUNNING ") && elapsed < 0) {
                    elapsed = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        if (p.waitFor() != 0 || elapsed < 0) {
            throw new IllegalStateException(main + " failed:\n" + out);
        }
        return elapsed;
    }
}
