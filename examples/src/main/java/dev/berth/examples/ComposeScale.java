package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.ServiceContainer;
import dev.berth.container.LogSource;
import dev.berth.examples.support.Block;
import dev.berth.examples.support.ComposeWalkthrough;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.LoadLoop;
import dev.berth.examples.support.Loopback;
import dev.berth.examples.support.Progress;
import dev.berth.examples.support.Walkthroughs;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walk-through 7, scale a Compose service behind an nginx load balancer: {@code lb} (nginx) proxies to {@code web}
 * (Flask under gunicorn), which counts hits in {@code redis}. While a bounded load loop sends requests to the load
 * balancer on the loopback, {@code web} is scaled 1 → 3 → 1; the example prints which replica answered, the shared
 * counter going up across replicas, and how many requests failed during the scaling (the goal is none: see
 * {@code lb/nginx.conf} and the web service's graceful stop).
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=ComposeScale</pre>
 */
public final class ComposeScale {
    static final String FILES = "compose-scale";
    /** The load loop's bounds: clients, requests, time. */
    public static final int CLIENTS = 4;
    static final int MAX_REQUESTS = 200_000;
    static final Duration MAX_TIME = Duration.ofMinutes(3);
    /** How long the three replicas serve the load before scaling back. */
    static final Duration HOLD = Duration.ofSeconds(3);

    private ComposeScale() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 7: scale a Compose service behind an nginx load balancer",
                (engine, out) -> run(engine, out, CLIENTS));
    }

    /** Runs the walk-through with {@code clients} load-loop clients; returns what the loop saw while scaling. */
    public static LoadLoop.Result run(Engine engine, Console out, int clients) throws Exception {
        DebianImages images = DebianImages.on(engine, out);
        Map<String, String> env = Map.of("NGINX_IMAGE", images.nginx(), "PYTHON_IMAGE", images.python(),
                "REDIS_IMAGE", images.redis());
        return ComposeWalkthrough.run(engine, out, FILES, new String[] {"compose.yaml", "lb/nginx.conf",
                "web/Dockerfile", "web/app.py"}, "berth-scale", env, app -> scale(app, out, clients));
    }

    private static LoadLoop.Result scale(ComposeProject app, Console out, int clients) throws Exception {
        out.section("docker compose -p " + app.name() + " up -d --build");
        up(app, out, 1, true);
        int port = app.port("lb", 80).orElseThrow();
        Map<String, String> names = new TreeMap<>(replicaNames(app));
        for (int i = 0; i < 3; i++) {
            String body = Loopback.awaitOk(port, "/", Duration.ofSeconds(60)).body().strip();
            out.println("GET http://127.0.0.1:" + port + "/ -> " + body + "   ← " + names.get(replicaOf(body)));
        }
        out.section(String.format(Locale.ROOT, "load loop: %d clients GET http://127.0.0.1:%d/ back to back"
                + " (at most %,d requests, %d s)", clients, port, MAX_REQUESTS, MAX_TIME.toSeconds()));
        LoadLoop.Result result;
        try (LoadLoop load = LoadLoop.start(port, "/", clients, MAX_REQUESTS, MAX_TIME, ComposeScale::replicaOf)) {
            out.section("docker compose -p " + app.name() + " up -d --scale web=3");
            up(app, out, 3, false);
            names.putAll(replicaNames(app));
            showBalancing(load, out, port, names);

            out.section("docker compose -p " + app.name() + " up -d --scale web=1");
            up(app, out, 1, false);
            // Keep the load on while nginx's one-second DNS cache still holds the removed replicas' addresses.
            Thread.sleep(2_000);
            result = load.stop();
        }
        report(out, result, names);
        if (result.failures() > 0) {
            out.println("the load balancer's error log says why:");
            app.logs().services("lb").fetch().stream().filter(l -> l.line().source() == LogSource.STDERR)
                    .forEach(l -> out.println("  | " + l.text()));
        }
        out.println("GET / -> " + Loopback.get(port, "/").body().strip() + "   (every replica counted in one Redis)");
        return result;
    }

    /** Once all three replicas answer, shows how the load spreads over them for a few seconds, then a few answers. */
    private static void showBalancing(LoadLoop load, Console out, int port, Map<String, String> names)
            throws Exception {
        awaitReplicas(load, 3);
        Map<String, Long> before = load.answeredSoFar();
        // Hold three replicas under load for a few seconds to show nginx spreading the requests over them.
        Thread.sleep(HOLD.toMillis());
        Map<String, Long> after = load.answeredSoFar();
        out.printf("in %d s with three replicas the load loop was answered by:", HOLD.toSeconds());
        after.forEach((replica, n) -> out.printf("  %s (%s) %,6d times", replica, names.get(replica),
                n - before.getOrDefault(replica, 0L)));
        for (int i = 0; i < 6; i++) {
            String body = Loopback.get(port, "/").body().strip();
            out.println("GET / -> " + body + "   ← " + names.get(replicaOf(body)));
        }
    }

    private static void report(Console out, LoadLoop.Result result, Map<String, String> names) {
        out.section("what the load loop saw while scaling 1 → 3 → 1");
        out.printf("%,d requests in %.1f s (%.0f requests/s), %d failed; latency p50 %.1f ms, p99 %.1f ms, max %.0f ms",
                result.requests(), result.elapsed().toNanos() / 1e9, result.perSecond(), result.failures(),
                result.p50Millis(), result.p99Millis(), result.maxMillis());
        result.byReplica().forEach((replica, n) -> out.printf("  answered by %s (%s) %,8d times", replica,
                names.getOrDefault(replica, "?"), n));
        result.errors().forEach(e -> out.println("  failure at " + e));
    }

    private static void up(ComposeProject app, Console out, int replicas, boolean build) {
        long start = System.nanoTime();
        try (Block b = out.block("[+] Running")) {
            var up = app.up().scale("web", replicas).progress(Progress.compose(b));
            (build ? up.build() : up).run();
            b.close(String.format(Locale.ROOT, "[+] Running, web scaled to %d in %.1f s", replicas,
                    (System.nanoTime() - start) / 1e9));
        }
    }

    /** Each web replica's name by its hostname, the short container id the app reports. */
    static Map<String, String> replicaNames(ComposeProject app) {
        Map<String, String> names = new TreeMap<>();
        for (ServiceContainer c : app.containers("web")) {
            names.put(c.id().substring(0, 12), c.name());
        }
        return names;
    }

    /** Waits, bounded, until the load loop has been answered by {@code n} replicas. */
    private static void awaitReplicas(LoadLoop load, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.answeredSoFar().size() < n) {
            if (System.nanoTime() > end || load.exhausted()) {
                throw new IllegalStateException("only " + load.answeredSoFar().keySet() + " answered within 60 s");
            }
            // The new replicas answer once nginx's DNS cache (1 s) has expired and gunicorn listens.
            Thread.sleep(100);
        }
    }

    /** The replica named in an answer {@code Hello from demo-web-2: 17 hits}. */
    static String replicaOf(String body) {
        String s = body.strip();
        int from = s.indexOf("from ");
        int colon = s.indexOf(':', from);
        return from < 0 || colon < 0 ? "?" : s.substring(from + 5, colon);
    }
}
