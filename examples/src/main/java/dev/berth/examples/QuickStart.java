package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.LogLine;
import dev.berth.dockerfile.Command;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.wait.Wait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Berth's quick start: write a Dockerfile in Java for a tiny static web server (busybox httpd), build it, run it with
 * a published port, fetch the page over HTTP, print it and the container's logs, and remove everything.
 *
 * <p>Needs a Docker engine and a static busybox at {@code /bin/busybox} (Debian: {@code apt-get install busybox-static});
 * no registry is used.
 */
public final class QuickStart {
    static final String IMAGE = "berth-quickstart/web:1";

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        try (Engine engine = Engine.fromEnv()) {
            System.out.println("Connected to " + engine.config().host() + " (Docker " + engine.version().version()
                    + ", API " + engine.apiVersion() + ")");
            System.out.println(run(engine));
        }
    }

    /** Builds, runs, fetches and cleans up; returns what it fetched and logged. */
    static String run(Engine engine) throws Exception {
        Dockerfile dockerfile = Dockerfile.builder()
                .from("scratch")
                .copy("busybox", "/bin/busybox")
                .run(Command.exec("/bin/busybox", "--install", "-s", "/bin"))
                .copy("index.html", "/www/index.html")
                .expose(80)
                .cmd("httpd", "-f", "-v", "-p", "80", "-h", "/www")
                .build();
        Image image = engine.build(BuildSpec.builder()
                .dockerfile(dockerfile)
                .file("busybox", Path.of("/bin/busybox"))
                .file("index.html", "<h1>Hello from Berth</h1>\n")
                .tag(IMAGE)
                .build());
        StringBuilder report = new StringBuilder("--- Dockerfile ---\n").append(dockerfile.render());
        try (Container web = engine.container(IMAGE).name("berth-quickstart").publish("127.0.0.1::80")
                .detached().waitingFor(Wait.forHttp("/").forPort(80).withTimeout(Duration.ofSeconds(30))).run()) {
            int port = web.hostPort(80);
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            report.append("GET http://127.0.0.1:").append(port).append("/ -> ").append(page.statusCode()).append('\n')
                    .append(page.body());
            report.append("--- container logs ---\n");
            for (LogLine line : web.logs().fetch().lines()) {
                report.append(line.text()).append('\n');
            }
        } finally {
            image.remove(dev.berth.image.ImageRemoveOption.FORCE);
        }
        return report.toString();
    }
}
