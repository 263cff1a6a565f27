package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.LogLine;
import dev.berth.container.PublishedPort;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.DebianImages;
import dev.berth.examples.support.Loopback;
import dev.berth.examples.support.Walkthroughs;
import dev.berth.wait.Deadline;
import dev.berth.wait.Wait;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walk-through 2, publish a port: run nginx detached with its port 80 published on the host's loopback
 * ({@code docker run -d -p 127.0.0.1::80 nginx}), fetch the page it serves from the host, and find the request in
 * nginx's access log. The host port is chosen by the engine, so the example never collides with anything.
 *
 * <pre>mvn -q -B -DskipTests -pl examples -am package exec:java -Dexample=PublishPort</pre>
 */
public final class PublishPort {
    private PublishPort() {
    }

    public static void main(String[] args) throws Exception {
        Walkthroughs.main("Walk-through 2: publish a port (nginx)", PublishPort::run);
    }

    /** Runs the walk-through on {@code engine}, printing to {@code out}; removes the container it starts. */
    public static void run(Engine engine, Console out) throws Exception {
        String nginx = DebianImages.on(engine, out).nginx();
        String name = "berth-nginx-" + Walkthroughs.suffix();

        out.section("docker run -d --name " + name + " -p 127.0.0.1::80 " + nginx);
        try (Container web = engine.container(nginx).name(name).publish("127.0.0.1::80").detached()
                .waitingFor(Wait.forHttp("/").forPort(80).withTimeout(Duration.ofSeconds(30))).run()) {
            out.section("docker port " + name);
            for (PublishedPort p : web.inspect().ports()) {
                out.println("  " + p.containerPort() + "/" + p.protocol().wireName()
                        + " -> " + p.hostIp() + ":" + p.hostPort());
            }
            int port = web.hostPort(80);

            out.section("curl -i http://127.0.0.1:" + port + "/index.html");
            Loopback.Response page = Loopback.get(port, "/index.html");
            out.println("  HTTP " + page.status());
            out.println("  Server: " + page.header("Server").orElse("?"));
            out.println("  Content-Type: " + page.header("Content-Type").orElse("?"));
            Matcher title = Pattern.compile("<title>(.*?)</title>").matcher(page.body());
            out.println("  <title>" + (title.find() ? title.group(1) : "?") + "</title>  ("
                    + page.body().length() + " bytes)");

            out.section("docker logs " + name + " (nginx's access log goes to the container's output)");
            // The access log line is written once the response is sent; wait for it rather than racing it.
            Wait.forLogMessage(Pattern.quote("\"GET /index.html HTTP/1.1\" 200")).withTimeout(Duration.ofSeconds(10))
                    .waitUntilReady(web, Deadline.in(Duration.ofSeconds(10)));
            for (LogLine line : web.logs().stdoutOnly().fetch().lines()) {
                out.println("  | " + line.text());
            }
        }
        out.println("\nremoved " + name + " (docker rm -f)");
    }
}
