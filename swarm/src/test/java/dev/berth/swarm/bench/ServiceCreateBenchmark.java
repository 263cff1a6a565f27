package dev.berth.swarm.bench;

import dev.berth.Engine;
import dev.berth.swarm.Convergence;
import dev.berth.swarm.Service;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.testing.LocalCluster;
import dev.berth.swarm.testing.Sh;
import dev.berth.testing.TestImages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 7's speed goal: create a 6-replica service on a three-node swarm and wait until it has converged, Berth vs
 * {@code docker service create --replicas 6} (which waits for convergence), on the same cluster in the same run,
 * alternating which goes first. Prints medians and the ratio. Not a test; run it as {@code docs/benchmarks.md}
 * says. Argument: the number of trials per variant (default 7).
 */
public final class ServiceCreateBenchmark {
    private static final String[] COMMAND = {"sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"};

    private ServiceCreateBenchmark() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        try (Engine main = Engine.fromEnv()) {
            TestImages.busybox(main);
        }
        LocalCluster cluster = LocalCluster.start(3, List.of(TestImages.BUSYBOX));
        try {
            run(cluster, trials);
        } finally {
            cluster.close();
            System.out.println("cluster removed; leftovers: " + cluster.leftovers());
        }
    }

    private static void run(LocalCluster cluster, int trials) {
        Swarm swarm = cluster.manager();
        String host = swarm.engine().config().host().toString();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Double> converged = new ArrayList<>();
        List<String> variants = List.of("cli", "berth", "berth-5s");
        variants.forEach(v -> times.put(v, new ArrayList<>()));
        for (int trial = 0; trial <= trials; trial++) {
            List<String> order = new ArrayList<>(variants);
            Collections.rotate(order, trial);
            for (String variant : order) {
                String name = variant + "-" + trial;
                double seconds = switch (variant) {
                    case "cli" -> cli(host, name);
                    case "berth" -> berth(swarm, name, Convergence.DEFAULT_STABLE_FOR, trial > 0 ? converged : null);
                    default -> berth(swarm, name, Duration.ofSeconds(5), null);
                };
                if (trial > 0) {
                    times.get(variant).add(seconds);
                }
                System.out.printf(Locale.ROOT, "trial %d %-9s %.3f s%s%n", trial, variant, seconds,
                        trial == 0 ? " (warm-up, not counted)" : "");
                remove(swarm, name);
            }
        }
        double cli = median(times.get("cli"));
        System.out.println();
        System.out.println("| variant | median wall time | vs CLI | all trials (s) |");
        System.out.println("|---|---|---|---|");
        for (String v : variants) {
            double m = median(times.get(v));
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f× | %s |%n", label(v), m, m / cli,
                    times.get(v).stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
        }
        System.out.printf(Locale.ROOT, "| berth: first seen converged (before the stability window) | %.2f s | %.2f× | %s |%n",
                median(converged), median(converged) / cli,
                converged.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
    }

    private static String label(String v) {
        return switch (v) {
            case "cli" -> "`docker service create --replicas 6` (waits, 5 s monitor)";
            case "berth" -> "Berth `create().awaitConverged(…)` (default: each task stable 1 s)";
            default -> "Berth with `stableFor(5 s)` (the CLI's verification time)";
        };
    }

    private static double cli(String host, String name) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", host, "service", "create", "--detach=false",
                "--quiet", "--name", name, "--replicas", "6", TestImages.BUSYBOX));
        cmd.addAll(List.of(COMMAND));
        long t0 = System.nanoTime();
        Sh.Result r = Sh.run(Duration.ofMinutes(3), Sh.of(cmd));
        double s = (System.nanoTime() - t0) / 1e9;
        if (!r.ok()) {
            throw new IllegalStateException("docker service create failed: " + r.output());
        }
        return s;
    }

    private static double berth(Swarm swarm, String name, Duration stableFor, List<Double> convergedAt) {
        long t0 = System.nanoTime();
        long[] firstConverged = {0};
        Service s = swarm.service(TestImages.BUSYBOX).name(name).replicas(6).command(COMMAND).create();
        s.awaitConverged(Convergence.within(Duration.ofMinutes(3)).stableFor(stableFor).onProgress(p -> {
            if (p.running() == p.desired() && firstConverged[0] == 0) {
                firstConverged[0] = System.nanoTime();
            }
        }));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (convergedAt != null && firstConverged[0] != 0) {
            convergedAt.add((firstConverged[0] - t0) / 1e9);
        }
        return seconds;
    }

    /** Removes the service and waits until its tasks are gone from every node, so trials do not overlap. */
    private static void remove(Swarm swarm, String name) {
        swarm.services().get(name).remove();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            String out = Sh.run(Duration.ofSeconds(30), "docker", "-H", swarm.engine().config().host().toString(),
                    "service", "ps", "-q", name).output();
            if (out.isBlank() || out.contains("no such service")) {
                return;
            }
            sleep(200);
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
