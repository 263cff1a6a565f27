package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.ContainerSummary;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Walkthroughs;
import dev.berth.wait.Wait;

import java.time.Duration;
import java.util.Locale;

/**
 * Walk-through 1, run a container: {@code docker run} in the foreground (its output, its exit code), then a
 * long-running container in the background, seen through {@code docker ps}, {@code exec} and {@code logs}, stopped and
 * removed. Runs on a Debian bookworm image that the example makes itself on first use (see {@link DebianImages}).
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=QuickStart</pre>
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 1: run a container", QuickStart::run);
    }

    /** Runs the walk-through on {@code engine}, printing to {@code out}; removes every container it starts. */
    public static void run(Engine engine, Console out) {
        String debian = DebianImages.on(engine, out).base();

        out.section("docker run --rm " + debian + " cat /etc/os-release");
        int code = engine.container(debian).command("sh", "-c", "grep -E '^(PRETTY_NAME|VERSION_CODENAME)=' /etc/os-release")
                .attached().output(line -> out.println("  | " + line.text())).run();
        out.println("exit code " + code + "; the container is removed (--rm)");

        out.section("docker run --rm " + debian + " sh -c 'echo failing on purpose >&2; exit 3'");
        code = engine.container(debian).command("sh", "-c", "echo failing on purpose >&2; exit 3")
                .attached().output(line -> out.println("  | " + line.source().name().toLowerCase(Locale.ROOT)
                        + ": " + line.text())).run();
        out.println("exit code " + code + ": docker run passes on the container's exit code");

        background(engine, out, debian);
    }

    /** A detached container seen through ps, exec and logs, then stopped and removed. */
    private static void background(Engine engine, Console out, String debian) {
        String name = "berth-quickstart-" + Walkthroughs.suffix();
        out.section("docker run -d --name " + name + " " + debian + " (a loop printing a tick every second)");
        // sh as PID 1 ignores SIGTERM unless it traps it; the trap lets `docker stop` end the loop at once.
        try (Container ticker = engine.container(debian).name(name)
                .command("sh", "-c", "trap 'echo stopping; exit 0' TERM; i=0; while true; do i=$((i+1)); echo tick $i;"
                        + " sleep 1 & wait $!; done")
                .detached().waitingFor(Wait.forLogMessage("tick 2").withTimeout(Duration.ofSeconds(30))).run()) {
            out.println("started " + ticker.id().substring(0, 12));

            out.section("docker ps --filter name=" + name);
            for (ContainerSummary c : engine.containers().name(name).list()) {
                out.printf("  %-12s  %-45s  %s", c.id().substring(0, 12), c.image(), c.status());
            }

            out.section("docker exec " + name + " uname -sr; hostname");
            out.println("  | " + ticker.exec("uname", "-sr").run().stdout().strip());
            out.println("  | " + ticker.exec("hostname").run().stdout().strip()
                    + "   (the hostname is the short container id)");

            out.section("docker logs --tail 2 " + name);
            ticker.logs().tail(2).fetch().lines().forEach(l -> out.println("  | " + l.text()));

            out.section("docker stop " + name);
            ticker.stop(Duration.ofSeconds(10));
            out.println("state " + ticker.inspect().state() + ", exit code " + ticker.await(Duration.ofSeconds(5))
                    + "; last line: " + ticker.logs().tail(1).fetch().lines().get(0).text());

            out.section("docker rm " + name);
            ticker.remove();
            out.println(engine.containers().all().name(name).list().isEmpty()
                    ? "removed: docker ps -a no longer lists it" : "still listed by docker ps -a");
        }
    }
}
