package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.ExecResult;
import dev.berth.container.HealthCheck;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Walkthroughs;
import dev.berth.volume.Volume;
import dev.berth.wait.Deadline;
import dev.berth.wait.Wait;

import java.time.Duration;

/**
 * Walk-through 3, persist a database in a volume: MariaDB (the seed's MySQL lesson) keeps its data in a named volume
 * mounted at {@code /var/lib/mysql}. A row written by one container survives {@code docker rm -f} of that container
 * and is read by a new one on the same volume, and survives {@code docker restart} too. Each container is waited for
 * through its health check, as {@code docker run --health-cmd} defines it.
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=PersistDatabase</pre>
 */
public final class PersistDatabase {
    private static final Duration READY = Duration.ofSeconds(90);

    private PersistDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 3: persist a database in a volume (MariaDB)", PersistDatabase::run);
    }

    /** Runs the walk-through on {@code engine}, printing to {@code out}; removes its containers and its volume. */
    public static void run(Engine engine, Console out) {
        String mariadb = DebianImages.on(engine, out).mariadb();
        String suffix = Walkthroughs.suffix();

        out.section("docker volume create berth-db-" + suffix);
        try (Volume data = engine.volume("berth-db-" + suffix).create()) {
            out.println("volume " + data.name() + " at " + data.inspect().mountpoint() + " on the engine's host");

            String first = "berth-mariadb-" + suffix + "-a";
            out.section("docker run -d --name " + first + " -v " + data.name() + ":/var/lib/mysql"
                    + " --health-cmd 'mariadb -e \"SELECT 1\"' " + mariadb);
            try (Container db = start(engine, mariadb, first, data)) {
                out.println("healthy; the server created its system tables on the empty volume:");
                db.logs().fetch().lines().stream().filter(l -> l.text().startsWith("entrypoint:"))
                        .forEach(l -> out.println("  | " + l.text()));
                out.section("docker exec " + first + " mariadb -e 'CREATE TABLE … INSERT …'");
                sql(db, "CREATE DATABASE shop; CREATE TABLE shop.customers (id INT PRIMARY KEY, name VARCHAR(40),"
                        + " since DATE); INSERT INTO shop.customers VALUES (1, 'Ada Lovelace', '1843-09-01')");
                out.println(table(db));

                out.section("docker rm -f " + first + " (the container goes, the volume stays)");
            }
            out.println("containers using " + data.name() + ": " + data.containers().size()
                    + "; volume still there: " + data.exists());

            String second = "berth-mariadb-" + suffix + "-b";
            out.section("docker run -d --name " + second + " -v " + data.name() + ":/var/lib/mysql " + mariadb);
            try (Container db = start(engine, mariadb, second, data)) {
                out.println("a new container on the same volume reads the row the first one wrote:");
                out.println(table(db));

                out.section("docker restart " + second);
                db.restart(Duration.ofSeconds(30));
                Wait.forHealthy().waitUntilReady(db, Deadline.in(READY));
                sql(db, "INSERT INTO shop.customers VALUES (2, 'Grace Hopper', '1944-08-07')");
                out.println("after the restart the row is there, and a second one was added:");
                out.println(table(db));
            }
        }
        out.println("\nremoved both containers and the volume (docker rm -f, docker volume rm)");
    }

    private static Container start(Engine engine, String image, String name, Volume data) {
        return engine.container(image).name(name).volume(data.name(), "/var/lib/mysql")
                .healthCheck(HealthCheck.cmd("mariadb", "-e", "SELECT 1").interval(Duration.ofMillis(500))
                        .timeout(Duration.ofSeconds(5)).retries(120))
                .detached().waitingFor(Wait.forHealthy().withTimeout(READY)).run();
    }

    /** Runs SQL as root through the server's socket ({@code docker exec … mariadb -e}). */
    private static String sql(Container db, String statements) {
        ExecResult r = db.exec("mariadb", "--table", "-e", statements).run(Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("mariadb -e failed (" + r.exitCode() + "): " + r.stderr());
        }
        return r.stdout();
    }

    private static String table(Container db) {
        return sql(db, "SELECT * FROM shop.customers ORDER BY id").strip().indent(2).stripTrailing();
    }
}
