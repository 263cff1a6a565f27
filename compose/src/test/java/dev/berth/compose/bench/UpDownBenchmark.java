package dev.berth.compose.bench;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.compose.Compose;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.testing.TestImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@code up} and {@code down} of a 30-service project whose dependency graph is 4 levels deep (no health waits;
 * services ignore SIGTERM and have a 2 s grace period), by Berth (in this JVM), Docker Compose v2 and, when installed,
 * Docker Compose v1; tools alternate within each trial and the medians are printed as a Markdown table.
 * Not part of {@code mvn verify}; see docs/benchmarks.md.
 *
 * <p>Arguments: {@code [trials=5]}. System properties: {@code compose.v2} (default
 * /opt/berth-peers/compose-v2/docker-compose), {@code compose.v1} (default /usr/bin/docker-compose).
 */
public final class UpDownBenchmark {
    static final int[] LEVELS = {8, 8, 7, 7};

    private UpDownBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("compose-engine-bench");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, project());
        String v2 = System.getProperty("compose.v2", "/opt/berth-peers/compose-v2/docker-compose");
        String v1 = System.getProperty("compose.v1", "/usr/bin/docker-compose");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        String run = Long.toString(System.currentTimeMillis() % 100000, 36);
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            TestImages.busybox(engine);
            List<String> tools = new ArrayList<>(List.of("berth", "compose-v2"));
            if (Files.isExecutable(Path.of(v1))) {
                tools.add("compose-v1");
            }
            // One untimed warm-up round per tool (JIT, page cache, engine caches).
            for (String tool : tools) {
                run(tool, engine, dir, file, "cebenchwarm" + run + tool.replace("-", ""), v2, v1);
            }
            for (int t = 0; t < trials; t++) {
                List<String> order = new ArrayList<>(tools);
                java.util.Collections.rotate(order, t);
                for (String tool : order) {
                    double[] r = run(tool, engine, dir, file, "cebench" + run + "t" + t + tool.replace("-", ""), v2, v1);
                    results.computeIfAbsent(tool, k -> new ArrayList<>()).add(r);
                    System.out.printf("trial %d %-10s up %6.2f s  down %6.2f s%n", t + 1, tool, r[0], r[1]);
                }
            }
        }
        System.out.println();
        System.out.println("| Tool | up median (s) | down median (s) | up vs Compose v2 | down vs Compose v2 |");
        System.out.println("|---|---|---|---|---|");
        double upV2 = median(results.get("compose-v2"), 0);
        double downV2 = median(results.get("compose-v2"), 1);
        for (var e : results.entrySet()) {
            double up = median(e.getValue(), 0);
            double down = median(e.getValue(), 1);
            System.out.printf("| %s | %.2f | %.2f | %.2f× | %.2f× |%n", e.getKey(), up, down, up / upV2, down / downV2);
        }
    }

    private static double[] run(String tool, Engine engine, Path dir, Path file, String name, String v2, String v1)
            throws Exception {
        long t0 = System.nanoTime();
        ComposeProject p = null;
        switch (tool) {
            case "berth" -> {
                p = Compose.project(engine, LoadOptions.builder().file(file).projectName(name).build());
                p.up().run();
            }
            case "compose-v2" -> exec(dir, v2, "-p", name, "up", "-d");
            default -> exec(dir, v1, "-p", name, "up", "-d");
        }
        long t1 = System.nanoTime();
        switch (tool) {
            case "berth" -> p.down().run();
            case "compose-v2" -> exec(dir, v2, "-p", name, "down");
            default -> exec(dir, v1, "-p", name, "down");
        }
        long t2 = System.nanoTime();
        return new double[]{(t1 - t0) / 1e9, (t2 - t1) / 1e9};
    }

    private static void exec(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " timed out");
        }
        if (p.exitValue() != 0) {
            // The 20.10 engine sometimes keeps a stale endpoint on a network just emptied under load; the timing
            // still counts, the failure is reported.
            System.out.println("  (" + String.join(" ", cmd) + " exited " + p.exitValue() + ")");
        }
    }

    private static double median(List<double[]> rs, int i) {
        List<Double> v = rs.stream().map(r -> r[i]).sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The project: level k services depend on two services of level k-1; every service ignores SIGTERM. */
    static String project() {
        StringBuilder b = new StringBuilder("services:\n");
        List<List<String>> names = new ArrayList<>();
        for (int l = 0; l < LEVELS.length; l++) {
            List<String> level = new ArrayList<>();
            for (int i = 0; i < LEVELS[l]; i++) {
                level.add("s" + l + "x" + i);
            }
            names.add(level);
        }
        for (int l = 0; l < names.size(); l++) {
            for (int i = 0; i < names.get(l).size(); i++) {
                b.append("  ").append(names.get(l).get(i)).append(":\n")
                        .append("    image: ").append(TestImages.BUSYBOX).append('\n')
                        .append("    command: [\"sh\", \"-c\", \"trap '' TERM; while true; do sleep 1; done\"]\n")
                        .append("    stop_grace_period: 2s\n");
                if (l > 0) {
                    List<String> prev = names.get(l - 1);
                    TreeSet<String> deps = new TreeSet<>(List.of(prev.get(i % prev.size()), prev.get((i + 1) % prev.size())));
                    b.append("    depends_on: [").append(String.join(", ", deps)).append("]\n");
                }
            }
        }
        return b.toString();
    }
}
