package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.ExecResult;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Loopback;
import dev.berth.examples.support.Resources;
import dev.berth.examples.support.Walkthroughs;
import dev.berth.network.Network;
import dev.berth.wait.Wait;

import java.time.Duration;

/**
 * Walk-through 5, a Python Flask app and Redis on a custom bridge network: {@code docker network create}, Redis joins
 * it under the alias {@code redis}, the Flask app joins it and finds Redis by that name through Docker's embedded DNS,
 * counting its hits there. A container on the default bridge cannot resolve the name: name resolution is what a
 * user-defined network adds.
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=FlaskRedis</pre>
 */
public final class FlaskRedis {
    private FlaskRedis() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 5: a Flask app and Redis on a custom bridge network", FlaskRedis::run);
    }

    /** The web app's image: the Python image plus app.py, run by gunicorn as an unprivileged user. */
    static Dockerfile webImage(String python) {
        return Dockerfile.builder().from(python)
                .copy("app.py", "/app/app.py")
                .user("nobody")
                .expose(5000)
                .cmd("gunicorn", "--bind", "0.0.0.0:5000", "--workers", "2", "--access-logfile", "-", "app:app")
                .build();
    }

    /** Runs the walk-through on {@code engine}, printing to {@code out}; removes its containers and network. */
    public static void run(Engine engine, Console out) throws Exception {
        DebianImages images = DebianImages.on(engine, out);
        String redisImage = images.redis();
        String web = images.build("flask-counter", webImage(images.python()), Resources.files("flask-redis", "app.py"));
        String suffix = Walkthroughs.suffix();

        out.section("docker network create berth-app-" + suffix);
        try (Network app = engine.network("berth-app-" + suffix).create()) {
            out.println("bridge network " + app.name() + ", subnet "
                    + app.inspect().ipam().stream().findFirst().map(p -> p.subnet()).orElse("?"));

            out.section("docker run -d --network " + app.name() + " --network-alias redis " + redisImage);
            try (Container redis = engine.container(redisImage).name("berth-redis-" + suffix).network(app, "redis")
                    .detached().waitingFor(Wait.forLogMessage("Ready to accept connections")
                            .withTimeout(Duration.ofSeconds(30))).run()) {
                out.println("redis at " + redis.ipAddress(app.name()) + " on " + app.name());

                web(engine, out, app, redis, web, images.base(), "berth-web-" + suffix);
            }
        }
        out.println("\nremoved the containers and the network (docker rm -f, docker network rm)");
    }

    /** The Flask app on the network: its counter, its view of Redis by name, and the default bridge's lack of one. */
    private static void web(Engine engine, Console out, Network app, Container redis, String image, String debian,
                            String name) throws Exception {
        out.section("docker run -d --network " + app.name() + " -p 127.0.0.1::5000 " + image);
        try (Container flask = engine.container(image).name(name).network(app)
                .publish("127.0.0.1::5000").detached()
                .waitingFor(Wait.forLogMessage("Listening at").withTimeout(Duration.ofSeconds(60))).run()) {
            int port = flask.hostPort(5000);
            for (int i = 0; i < 3; i++) {
                out.println("GET http://127.0.0.1:" + port + "/ -> " + Loopback.get(port, "/").body().strip());
            }

            out.section("docker exec " + flask.name() + " getent hosts redis   (Docker's DNS on " + app.name() + ")");
            out.println("  | " + flask.exec("getent", "hosts", "redis").run().stdout().strip());
            out.println("  redis's address on the network is " + redis.ipAddress(app.name()));

            out.section("docker run --rm --network bridge " + debian + " getent hosts redis");
            ExecResult lookup = lookupOnDefaultBridge(engine, debian);
            out.println("exit code " + lookup.exitCode() + ": on the default bridge there is no DNS for container names");
        }
    }

    private static ExecResult lookupOnDefaultBridge(Engine engine, String image) {
        StringBuilder output = new StringBuilder();
        int code = engine.container(image).network(Network.BRIDGE).command("getent", "hosts", "redis").attached()
                .output(l -> output.append(l.text()).append('\n')).run();
        return new ExecResult(code, output.toString(), "");
    }
}
