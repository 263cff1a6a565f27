package dev.berth.examples;

import dev.berth.Docker;
import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.container.Container;
import dev.berth.container.ExecResult;
import dev.berth.container.HealthCheck;
import dev.berth.container.Logs;
import dev.berth.container.RestartPolicy;
import dev.berth.compose.Compose;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.dockerfile.lint.DockerfileLinter;
import dev.berth.dockerfile.lint.Finding;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.network.Network;
import dev.berth.testing.DockerCli;
import dev.berth.testing.TestImages;
import dev.berth.volume.Volume;
import dev.berth.wait.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's API tour, run for real. Each region between {@code // tour:NAME} and {@code // end} must appear in
 * README.md verbatim; {@link ReadmeSnippetsTest} checks that.
 */
class ReadmeTourIT {
    private static final String APP = "berth-tour/app:1";
    private static Engine engine;

    @BeforeAll
    static void buildImage() {
        engine = Engine.connect(EngineConfig.builder().cleanupOnClose(true).build());
        Image image = engine.build(BuildSpec.builder()
                .dockerfile("FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n"
                        + "RUN mkdir -p /www && echo tour > /www/index.html\n"
                        // One line on each stream at start, so the tour's logs show stdout and stderr kept apart.
                        + "CMD [\"sh\", \"-c\", \"echo serving; echo listening on 80 >&2; exec httpd -f -p 80 -h /www\"]\n")
                .file("busybox", Path.of("/bin/busybox"))
                .tag(APP)
                .build());
        assertThat(image.exists()).isTrue();
    }

    /**
     * README's opening line, compiled here so it stays true to the API; not run, because it needs nginx:1.25 from
     * Docker Hub and host port 8080 (the tour's {@code run} region runs the same calls on a local image).
     */
    @SuppressWarnings("unused")
    private static Container openingLine() {
        // tour:opening
        Container web = Docker.container("nginx:1.25").name("web").publish(8080, 80).detached().run();
        // end
        return web;
    }

    @AfterAll
    static void cleanUp() {
        engine.image(APP).remove(dev.berth.image.ImageRemoveOption.FORCE);
        // The classic builder keeps a multi-stage build's earlier stages as untagged images, labelled with this session.
        engine.images().ownSession().prune();
        engine.close();
    }

    @Test
    void connect() throws Exception {
        Engine[] opened = new Engine[1];
        String printed = printed(() -> {
            // tour:connect
            try (Engine engine = Engine.fromEnv()) {                  // DOCKER_HOST, contexts, TLS, like the docker CLI
                System.out.println(engine.version().version() + " over API " + engine.apiVersion());
            }
            Engine remote = Engine.connect(EngineConfig.builder()
                    .host("unix:///var/run/docker.sock")                 // or tcp://host:2376 with .tls(certDir)
                    .cleanupOnClose(true)                                 // remove what this session created on close
                    .build());
            // end
            opened[0] = remote;
        });
        // The engine's own version (as `docker version` reports it) over the API version both sides speak.
        assertThat(printed.strip()).isEqualTo(DockerCli.run("version", "--format", "{{.Server.Version}}")
                + " over API " + engine.apiVersion());
        Engine remote = opened[0];
        // The tour names the default socket; when the suite runs on another engine (DOCKER_HOST), that engine may not
        // have the tour's image, so the check runs the test busybox, made there if missing.
        String made = remote.container(TestImages.busybox(remote)).command("sleep", "30").detached()
                .run().id();
        remote.close();
        try (Engine check = Engine.connect(EngineConfig.builder().host(remote.config().host()).build())) {
            assertThat(check.containers().find(made)).as("removed by cleanupOnClose").isEmpty();
        }
    }

    @Test
    void runDetached() {
        // tour:run
        Container web = engine.container(APP)
                .name("tour-web")
                .publish("127.0.0.1:18080:80")
                .env("MODE", "demo")
                .secretEnv("API_TOKEN", "s3cret")                     // set as env is; toString() shows ****
                .restart(RestartPolicy.unlessStopped())
                .healthCheck(HealthCheck.shell("wget -q -O /dev/null http://127.0.0.1/").interval(Duration.ofSeconds(1)))
                .detached()
                .waitingFor(Wait.forHealthy())
                .run();
        int port = web.hostPort(80);                                  // 18080
        // end
        assertThat(port).isEqualTo(18080);
        // tour:handle
        ExecResult r = web.exec("sh", "-c", "echo $MODE").run();   // r.stdout() is "demo\n"
        Logs logs = web.logs().tail(10).fetch();                      // stdout and stderr kept apart
        web.stop(Duration.ofSeconds(2));
        web.remove();
        // end
        assertThat(r.stdout()).isEqualTo("demo\n");
        assertThat(logs.stdout()).isEqualTo("serving\n");
        assertThat(logs.stderr()).isEqualTo("listening on 80\n");
    }

    @Test
    void runAttached() {
        // tour:attached
        int exit = engine.container(APP)
                .command("sh", "-c", "echo hello; exit 3")
                .attached()
                .output(line -> System.out.println(line.source() + ": " + line.text()))
                .run();                                               // 3; the container is removed afterwards
        // end
        assertThat(exit).isEqualTo(3);
    }

    @Test
    void batch() {
        engine.container(APP).label("tier", "tour").command("sleep", "30").detached().run();
        // tour:batch
        List<String> stopped = engine.containers().label("tier", "tour").stop();   // docker stop $(docker ps -q ...)
        engine.containers().all().label("tier", "tour").remove();
        // end
        assertThat(stopped).hasSize(1);
    }

    @Test
    void networksAndVolumes() throws Exception {
        String printed = printed(() -> {
            // tour:network
            try (Network app = engine.network("tour-app").subnet("10.201.0.0/24").create();
                 Volume data = engine.volume("tour-data").label("team", "tour").create();
                 Container db = engine.container(APP).network(app, "db").volume(data.name(), "/data")
                         .command("sh", "-c", "echo persisted > /data/f; sleep 30").detached().run()) {
                String ip = db.ipAddress("tour-app");                    // 10.201.0.x
                int lookup = engine.container(APP).network(app).command("nslookup", "db").attached()
                        .output(line -> System.out.println(line.text())).run();   // 0: "db" resolves on tour-app
                System.out.println(ip + " " + app.inspect().containers().size() + " container(s), nslookup " + lookup);
            }
            // end
        });
        List<String> lines = printed.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("10\\.201\\.0\\.\\d+ 1 container\\(s\\), nslookup 0");
        assertThat(lines).as("nslookup db on tour-app answers with db's address").contains("Address: " + last.split(" ")[0]);
        // try-with-resources removed all three
        assertThat(engine.networks().find("tour-app")).isEmpty();
        assertThat(engine.volumes().find("tour-data")).isEmpty();
    }

    @Test
    void imagesAndDockerfiles(@org.junit.jupiter.api.io.TempDir Path dir) {
        // tour:dockerfile
        Dockerfile dockerfile = Dockerfile.builder()
                .from(APP).as("build")
                .run("mkdir -p /out && echo artifact > /out/app.txt")
                .from("scratch")
                .copy().from("build").src("/out/app.txt").dest("/app.txt").done()
                .build();
        List<Finding> findings = DockerfileLinter.defaults().lint(dockerfile);   // hadolint ids (DL3006: untagged FROM); none here
        Image built = engine.build(BuildSpec.builder().dockerfile(dockerfile).tag("berth-tour/artifact:1").build());
        // end
        // tour:images
        built.save(dir.resolve("artifact.tar"));                        // docker save
        built.remove();                                                // docker rmi
        engine.images().load(dir.resolve("artifact.tar"));             // docker load
        System.out.println(engine.images().reference("berth-tour/*").ids());
        // end
        assertThat(findings).isEmpty();
        assertThat(DockerfileLinter.defaults().lint(Dockerfile.builder().from("busybox").run("true").build()))
                .extracting(Finding::rule).contains("DL3006");
        assertThat(engine.image("berth-tour/artifact:1").exists()).isTrue();
        engine.image("berth-tour/artifact:1").remove();
    }

    @Test
    void composeConfig(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("compose.yaml"),
                "services:\n  web:\n    image: nginx:${TAG:-1.25}\n    ports: [\"8080:80\"]\n");
        // tour:compose
        Project project = Compose.load(LoadOptions.builder()
                .file(dir.resolve("compose.yaml"))                       // merged like docker compose -f … -f …
                .env("TAG", "1.27")                                       // interpolation, .env, profiles, extends
                .build());
        System.out.println(project.toJson());                          // equals docker compose config --format json
        // end
        assertThat(project.toJson()).contains("nginx:1.27");
    }

    @Test
    void composeUpDown(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "name: berth-tour",
                "services:",
                "  db:",
                "    image: " + APP,
                "    command: [\"sh\", \"-c\", \"touch /ready; exec sleep 300\"]",
                "    healthcheck: {test: [\"CMD\", \"test\", \"-f\", \"/ready\"], interval: 1s}",
                "  web:",
                "    image: " + APP,
                "    ports: [\"127.0.0.1::80\"]",
                "    depends_on: {db: {condition: service_healthy}}",
                ""));
        // tour:composeup
        ComposeProject app = Compose.project(engine, LoadOptions.of(dir.resolve("compose.yaml")));
        app.up().scale("web", 2).waitReady(Duration.ofSeconds(60)).run();   // docker compose up -d --scale web=2 --wait
        int port = app.port("web", 80).orElseThrow();                       // names and labels as Docker Compose v2
        app.down().volumes().run();                                        // docker compose down -v
        // end
        assertThat(port).isPositive();
    }

    @Test
    void facade() throws Exception {
        String printed = printed(() -> {
            // tour:facade
            try (Container c = Docker.container(APP).command("sleep", "30").detached().run()) {
                System.out.println(c.inspect().state());                  // RUNNING; close() force-removes it
            }
            // end
        });
        assertThat(printed.strip()).isEqualTo("RUNNING");
        assertThat(engine.containers().all().label(dev.berth.Labels.MANAGED).ancestor(APP).list()).isEmpty();
    }

    /** What {@code body} prints on System.out (also passed through, so the tour's output stays visible). */
    private static String printed(Runnable body) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
