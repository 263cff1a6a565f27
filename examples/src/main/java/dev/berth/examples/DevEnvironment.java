package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Loopback;
import dev.berth.examples.support.Resources;
import dev.berth.examples.support.Walkthroughs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Walk-through 4, a bind-mounted development environment: the source lives on the host and is mounted into a Python
 * container ({@code -v $PWD:/src}) running Flask's development server with its reloader. Editing the file on the host
 * changes what the container serves without a rebuild, and what the app writes into the mounted directory appears on
 * the host, owned by the host user because the container runs as that user ({@code --user UID:GID}).
 *
 * <p>A bind mount names a path on the engine's machine, so this one needs a local engine.
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=DevEnvironment</pre>
 */
public final class DevEnvironment {
    private DevEnvironment() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 4: a bind-mounted development environment (Flask)", DevEnvironment::run);
    }

    /** Runs the walk-through on {@code engine}, printing to {@code out}; removes its container and directory. */
    public static void run(Engine engine, Console out) throws Exception {
        String python = DebianImages.on(engine, out).python();
        Path src = Files.createTempDirectory("berth-dev-");
        try {
            Resources.copy("dev-environment", src, "app.py");
            Object uid = Files.getAttribute(src, "unix:uid");
            Object gid = Files.getAttribute(src, "unix:gid");
            String name = "berth-dev-" + Walkthroughs.suffix();

            // PYTHONDONTWRITEBYTECODE: Python trusts a cached .pyc whose source has the same size and the same mtime
            // in whole seconds, so an edit of the same length within a second of the import would be served stale
            // after the reload; without a .pyc every reload reads the source (and no __pycache__ lands on the host).
            out.section("docker run -d --name " + name + " -v " + src + ":/src -w /src --user " + uid + ":" + gid
                    + " -e PYTHONDONTWRITEBYTECODE=1 -p 127.0.0.1::5000 " + python
                    + " flask --app app --debug run --host 0.0.0.0");
            try (Container dev = engine.container(python).name(name).bind(src, "/src").workdir("/src")
                    .user(uid + ":" + gid).env("PYTHONDONTWRITEBYTECODE", "1").publish("127.0.0.1::5000")
                    .command("flask", "--app", "app", "--debug", "run", "--host", "0.0.0.0", "--port", "5000")
                    .detached().run()) {
                develop(dev, src, out);
            }
            out.println("\nremoved " + name + "; the source directory stays the developer's (here a temporary one,"
                    + " deleted now)");
        } finally {
            Resources.deleteTree(src);
        }
    }

    /** Serves the app, edits it on the host, serves the edit, and lists what the app wrote into the mount. */
    private static void develop(Container dev, Path src, Console out) throws Exception {
        int port = dev.hostPort(5000);
        out.println("GET http://127.0.0.1:" + port + "/ -> "
                + Loopback.awaitOk(port, "/", Duration.ofSeconds(60)).body().strip());

        out.section("edit app.py on the host: VERSION = \"version 2\"");
        Path app = src.resolve("app.py");
        Files.writeString(app, Files.readString(app).replace("VERSION = \"version 1\"", "VERSION = \"version 2\""));
        long edited = System.nanoTime();
        // Flask's reloader polls the file's modification time once a second, then restarts the server.
        String reloaded = Loopback.await(port, "/", Duration.ofSeconds(60),
                r -> r.status() == 200 && r.body().contains("version 2")).body().strip();
        out.printf("GET http://127.0.0.1:%d/ -> %s   (%.1f s after the edit, no rebuild)", port, reloaded,
                (System.nanoTime() - edited) / 1e9);
        dev.logs().fetch().lines().stream().filter(l -> l.text().contains("Detected change"))
                .forEach(l -> out.println("  | " + l.text()));

        out.section("ls -ln " + src + "   (what the container wrote, on the host)");
        Path log = src.resolve("requests.log");
        out.println("  requests.log  owner uid " + Files.getAttribute(log, "unix:uid") + ", "
                + Files.size(log) + " bytes");
        Files.readAllLines(log).forEach(l -> out.println("  | " + l));
    }
}
