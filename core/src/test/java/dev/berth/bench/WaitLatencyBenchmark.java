package dev.berth.bench;

import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.container.Container;
import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerState;
import dev.berth.container.HealthCheck;
import dev.berth.container.HealthStatus;
import dev.berth.events.EngineEvent;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.wait.Deadline;
import dev.berth.wait.Wait;
import dev.berth.wait.WaitStrategy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * How soon a wait notices a container state change after the engine emitted it: Berth's event-driven
 * {@link Wait#forExit()} and {@link Wait#forHealthy()} against a 500 ms polling loop like Docker Compose's
 * ({@code waitDependencies}: a 500 ms ticker, then a container inspect), both watching the same container in the same
 * trial; for exits also the engine's own {@code /wait} endpoint ({@code docker wait}, {@code Container.await()}). The reference is the engine's own {@code timeNano} of the {@code die} or {@code health_status: healthy} event.
 * Prints a Markdown table; see docs/benchmarks.md.
 *
 * <p>Run: {@code mvn -q -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.skip=false -Dexec.mainClass=dev.berth.bench.WaitLatencyBenchmark -Dexec.args="30"}
 */
public final class WaitLatencyBenchmark {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TRIAL_LIMIT = Duration.ofSeconds(60);

    private WaitLatencyBenchmark() {
    }

    /** One trial's detection delays after the engine's event, in microseconds; dockerWait is -1 when not measured. */
    record Trial(long berthMicros, long pollingMicros, long dockerWaitMicros) {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String run = Names.unique("bench");
        Map<String, Instant> eventTimes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (Engine engine = Engine.fromEnv();
             Subscription reference = engine.events().type("container").action("die", "health_status")
                     .label("berth.bench.run", run).subscribe(e -> eventTimes.put(key(e), e.time()))) {
            TestImages.busybox(engine);
            System.out.printf("engine %s, API %s, %d trials per change%n", engine.version().version(),
                    engine.apiVersion(), trials);
            List<Trial> exits = new ArrayList<>();
            List<Trial> health = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                // Vary the moment of the change so it falls anywhere in the poller's 500 ms period.
                double delay = 1.0 + (i * 0.137) % 0.5;
                exits.add(exitTrial(engine, pool, run, delay, eventTimes));
                health.add(healthTrial(engine, pool, run, delay, eventTimes));
                System.out.printf(Locale.ROOT, "trial %2d: exit berth %6.1f ms, polling %6.1f ms;"
                                + " healthy berth %6.1f ms, polling %6.1f ms%n", i + 1,
                        exits.get(i).berthMicros() / 1e3, exits.get(i).pollingMicros() / 1e3,
                        health.get(i).berthMicros() / 1e3, health.get(i).pollingMicros() / 1e3);
            }
            System.out.println();
            System.out.println("| change | waiter | median (ms) | p90 (ms) | min (ms) | max (ms) |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            row("container exit", "Berth Wait.forExit()", exits.stream().map(Trial::berthMicros).toList());
            row("container exit", "500 ms polling", exits.stream().map(Trial::pollingMicros).toList());
            row("container exit", "engine /wait (Container.await())",
                    exits.stream().map(Trial::dockerWaitMicros).toList());
            row("health → healthy", "Berth Wait.forHealthy()", health.stream().map(Trial::berthMicros).toList());
            row("health → healthy", "500 ms polling", health.stream().map(Trial::pollingMicros).toList());
        } finally {
            pool.shutdownNow();
            try (Engine cleanup = Engine.fromEnv()) {
                cleanup.containers().all().label("berth.bench.run", run).remove(dev.berth.container.RemoveOption.FORCE);
            }
        }
    }

    private static Trial exitTrial(Engine engine, ExecutorService pool, String run, double delay,
                                   Map<String, Instant> events) throws Exception {
        Container c = engine.container(TestImages.BUSYBOX).label("berth.bench.run", run)
                .command("sh", "-c", String.format(Locale.ROOT, "sleep %.3f; exit 3", delay)).detached().run();
        try {
            CompletableFuture<Instant> byDockerWait = CompletableFuture.supplyAsync(() -> {
                c.await(TRIAL_LIMIT);
                return Instant.now();
            }, pool);
            Trial t = measure(pool, c, Wait.forExit(), i -> i.state() == ContainerState.EXITED, c.id() + "/die",
                    events);
            Instant waited = byDockerWait.get(TRIAL_LIMIT.toSeconds(), TimeUnit.SECONDS);
            return new Trial(t.berthMicros(), t.pollingMicros(), micros(events.get(c.id() + "/die"), waited));
        } finally {
            c.close();
        }
    }

    private static Trial healthTrial(Engine engine, ExecutorService pool, String run, double delay,
                                     Map<String, Instant> events) throws Exception {
        Container c = engine.container(TestImages.BUSYBOX).label("berth.bench.run", run)
                .healthCheck(HealthCheck.cmd("test", "-f", "/tmp/ready").interval(Duration.ofMillis(100))
                        .timeout(Duration.ofSeconds(2)).retries(1000))
                .command("sh", "-c", String.format(Locale.ROOT, "sleep %.3f; touch /tmp/ready; sleep 60", delay))
                .detached().run();
        try {
            return measure(pool, c, Wait.forHealthy(), i -> i.health() == HealthStatus.HEALTHY,
                    c.id() + "/health_status: healthy", events);
        } finally {
            c.close();
        }
    }

    /** Runs Berth's wait and the poller side by side on one container and returns both delays after the event. */
    private static Trial measure(ExecutorService pool, Container c, WaitStrategy berth, Predicate<ContainerInfo> done,
                                 String eventKey, Map<String, Instant> events) throws Exception {
        CompletableFuture<Instant> byBerth = CompletableFuture.supplyAsync(() -> {
            berth.waitUntilReady(c, Deadline.in(TRIAL_LIMIT));
            return Instant.now();
        }, pool);
        CompletableFuture<Instant> byPolling = CompletableFuture.supplyAsync(() -> poll(c, done), pool);
        Instant berthSaw = byBerth.get(TRIAL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        Instant pollerSaw = byPolling.get(TRIAL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        Instant emitted = null;
        for (int i = 0; i < 200 && emitted == null; i++) {
            emitted = events.get(eventKey);
            if (emitted == null) {
                Thread.sleep(10);
            }
        }
        if (emitted == null) {
            throw new IllegalStateException("no " + eventKey + " event seen");
        }
        return new Trial(micros(emitted, berthSaw), micros(emitted, pollerSaw), -1);
    }

    /** Docker Compose's loop: every 500 ms (first tick after 500 ms), inspect and check. */
    private static Instant poll(Container c, Predicate<ContainerInfo> done) {
        Instant end = Instant.now().plus(TRIAL_LIMIT);
        while (Instant.now().isBefore(end)) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (done.test(c.inspect())) {
                return Instant.now();
            }
        }
        throw new IllegalStateException("poller timed out");
    }

    private static String key(EngineEvent e) {
        return e.actorId() + "/" + e.action();
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    private static void row(String change, String waiter, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        int n = sorted.size();
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f |%n", change, waiter,
                median(sorted) / 1e3, sorted.get(Math.min(n - 1, (int) Math.ceil(n * 0.9) - 1)) / 1e3,
                sorted.get(0) / 1e3, sorted.get(n - 1) / 1e3);
    }

    private static double median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
