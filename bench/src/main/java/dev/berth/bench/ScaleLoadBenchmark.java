package dev.berth.bench;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.examples.ComposeScale;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.LoadLoop;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Walk-through 7 (nginx in front of a Compose service scaled 1 → 3 → 1) under its bounded load loop on 127.0.0.1,
 * repeated for several client counts: requests per second, failed requests and latency while scaling. Usage:
 * {@code ScaleLoadBenchmark [rounds] [clients...]} (default 3 rounds of 4 and 16 clients).
 */
public final class ScaleLoadBenchmark {
    private ScaleLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] clients = args.length > 1 ? java.util.Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
                : new int[] {4, 16};
        Files.createDirectories(Path.of("target", "walkthroughs"));
        System.out.println("| clients | round | requests | seconds | requests/s | failed | p50 ms | p99 ms | max ms |"
                + " by replica | load before |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        try (Engine engine = Engine.connect(EngineConfig.builder().cleanupOnClose(true).build())) {
            for (int round = 1; round <= rounds; round++) {
                for (int c : clients) {
                    String load = WalkthroughBenchmark.loadAverage();
                    Path file = Path.of("target", "walkthroughs", "ComposeScale-" + c + "-" + round + ".txt");
                    LoadLoop.Result r;
                    try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
                        r = ComposeScale.run(engine, Console.plain(out), c);
                    }
                    System.out.printf(Locale.ROOT, "| %d | %d | %,d | %.1f | %.0f | %d | %.1f | %.1f | %.0f | %s | %s |%n",
                            c, round, r.requests(), r.elapsed().toNanos() / 1e9, r.perSecond(), r.failures(),
                            r.p50Millis(), r.p99Millis(), r.maxMillis(), r.byReplica().values(), load);
                    r.errors().forEach(e -> System.out.println("  failure: " + e));
                }
            }
        }
    }
}
