package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.compose.ComposeEvent;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.ServiceContainer;
import dev.berth.examples.support.Block;
import dev.berth.examples.support.ComposeWalkthrough;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Loopback;
import dev.berth.examples.support.Progress;
import dev.berth.examples.support.Walkthroughs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Walk-through 8, gate start-up on health checks: a Flask app that connects to MariaDB once, at start-up, with no
 * retry loop, depends on the database with {@code condition: service_healthy}. {@code up} starts the database,
 * waits for its health check (the app's user can read the app's table) and only then starts the app, which connects
 * on the first try. The example prints when each happened and what the app then serves.
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=HealthGated</pre>
 */
public final class HealthGated {
    static final String FILES = "health-gated";

    private HealthGated() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 8: gate start-up on health checks (depends_on: service_healthy)",
                HealthGated::run);
    }

    /** One progress event and when it came, in seconds since {@code up} began. */
    record Timed(double at, ComposeEvent event) {
    }

    /** Runs the walk-through on {@code engine}, printing to {@code out}; {@code down -v --rmi local} at the end. */
    public static void run(Engine engine, Console out) throws Exception {
        DebianImages images = DebianImages.on(engine, out);
        Map<String, String> env = Map.of("MARIADB_IMAGE", images.mariadb(), "PYTHON_IMAGE", images.python());
        ComposeWalkthrough.run(engine, out, FILES, new String[] {"compose.yaml", "db/init.sql", "app/Dockerfile",
                "app/app.py"}, "berth-health", env, app -> {
                    show(app, out);
                    return null;
                });
    }

    private static void show(ComposeProject app, Console out) throws Exception {
        out.section("docker compose -p " + app.name() + " up -d --build --wait");
        List<Timed> timeline = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        try (Block b = out.block("[+] Running")) {
            var progress = Progress.compose(b);
            app.up().build().waitReady(Duration.ofMinutes(3)).progress(e -> {
                timeline.add(new Timed((System.nanoTime() - start) / 1e9, e));
                progress.accept(e);
            }).run();
        }
        String db = app.name() + "-db-1";
        String web = app.name() + "-app-1";
        out.section("the order of events");
        for (Timed t : timeline) {
            ComposeEvent e = t.event();
            if (e.resource().equals("Container") && List.of("Started", "Waiting", "Healthy").contains(e.status())) {
                out.printf("  %5.1f s  %-32s %s", t.at(), e.name(), e.status());
            }
        }
        double healthy = at(timeline, db, "Healthy");
        double appStarted = at(timeline, web, "Started");
        out.printf("%s started %.1f s after %s became healthy", web, appStarted - healthy, db);

        out.section("docker compose -p " + app.name() + " ps");
        for (ServiceContainer c : app.ps()) {
            out.printf("  %-32s %-8s %s", c.name(), c.service(), c.status());
        }
        int port = app.port("app", 5000).orElseThrow();
        out.section("curl http://127.0.0.1:" + port + "/");
        for (int i = 0; i < 3; i++) {
            out.println("GET / -> " + Loopback.awaitOk(port, "/", Duration.ofSeconds(60)).body().strip());
        }

        out.section("docker compose -p " + app.name() + " logs app");
        app.logs().services("app").fetch().stream().filter(l -> l.text().startsWith("connected"))
                .forEach(l -> out.println("  | " + l.text()));
    }

    private static double at(List<Timed> timeline, String container, String status) {
        return timeline.stream().filter(t -> t.event().name().equals(container) && t.event().status().equals(status))
                .mapToDouble(Timed::at).findFirst().orElseThrow(() -> new IllegalStateException(
                        "Compose reported no '" + status + "' for " + container));
    }
}
