package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.container.ExecResult;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Http;
import dev.berth.testing.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed scenarios of issue 6, each on busybox services built from the host's static busybox. */
@ExtendWith(EngineExtension.class)
class ScenariosIT {

    /** Runs the body on a fresh project and always removes it ({@code down -v}). */
    static void withProject(Engine engine, Path dir, String yaml, Map<String, String> files, Consumer<ComposeProject> body) {
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, files), Names.unique("ce"));
        try {
            body.accept(app);
        } finally {
            app.down().volumes().removeOrphans().timeout(Duration.ZERO).run();
        }
    }

    @Test
    void up_flaskRedisStylePairTalksOverDeclaredNetwork(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  web:
                    image: IMAGE
                    command: ["httpd", "-f", "-p", "5000", "-h", "/www"]
                    ports: ["127.0.0.1::5000"]
                    volumes: ["./www:/www:ro"]
                    depends_on: [redis]
                    networks: [backend]
                  redis:
                    image: IMAGE
                    command: ["sh", "-c", "while true; do echo '+PONG' | nc -l -p 6379; done"]
                    networks:
                      backend:
                        aliases: [cache]
                networks:
                  backend: {}
                """;
        withProject(engine, dir, yaml, Map.of("www/index.html", "flask says hi\n"), app -> {
            app.up().run();
            assertThat(Http.get(app.port("web", 5000).orElseThrow(), "/index.html")).isEqualTo("flask says hi\n");
            for (String host : List.of("redis", "cache", app.name() + "-redis-1")) {
                ExecResult r = app.exec("web", "sh", "-c", "echo PING | nc -w 2 " + host + " 6379").run(Duration.ofSeconds(20));
                assertThat(r.stdout()).as(host).contains("+PONG");
            }
            assertThat(engine.dockerClient().inspectNetworkCmd().withNetworkId(app.name() + "_backend").exec()
                    .getLabels()).containsEntry("com.docker.compose.network", "backend")
                    .containsEntry("com.docker.compose.project", app.name());
        });
    }

    @Test
    void up_scaleToThreeThenOne_serviceNameResolvesToEveryReplica(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  web:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                  probe:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                """;
        withProject(engine, dir, yaml, Map.of(), app -> {
            UpResult three = app.up().scale("web", 3).run();
            assertThat(three.created()).hasSize(4);
            assertThat(app.containers("web")).extracting(ServiceContainer::number).containsExactly(1, 2, 3);
            assertThat(addresses(app)).hasSize(3);

            UpResult one = app.up().scale("web", 1).run();
            assertThat(one.removed()).containsExactlyInAnyOrder(app.name() + "-web-2", app.name() + "-web-3");
            assertThat(one.running()).contains(app.name() + "-web-1", app.name() + "-probe-1");
            assertThat(app.containers("web")).extracting(ServiceContainer::name).containsExactly(app.name() + "-web-1");
            assertThat(addresses(app)).hasSize(1);
        });
    }

    private static List<String> addresses(ComposeProject app) {
        String out = app.exec("probe", "nslookup", "web").run(Duration.ofSeconds(20)).stdout();
        // busybox nslookup prints the server first, then one "Address: …" line per answer after "Name:".
        String answers = out.substring(Math.max(0, out.indexOf("Name:")));
        return answers.lines().filter(l -> l.startsWith("Address")).toList();
    }

    @Test
    void up_frontStartsOnlyAfterBackendIsHealthy(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  front:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    depends_on:
                      backend:
                        condition: service_healthy
                  backend:
                    image: IMAGE
                    command: ["sh", "-c", "sleep 2; touch /tmp/ready; sleep 3600"]
                    healthcheck:
                      test: ["CMD", "test", "-f", "/tmp/ready"]
                      interval: 500ms
                      retries: 60
                """;
        withProject(engine, dir, yaml, Map.of(), app -> {
            List<ComposeEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            app.up().progress(events::add).run();
            var backend = engine.dockerClient().inspectContainerCmd(app.name() + "-backend-1").exec();
            var front = engine.dockerClient().inspectContainerCmd(app.name() + "-front-1").exec();
            // The backend cannot be healthy before /tmp/ready exists, 2 s after it started.
            Instant readyAtTheEarliest = Instant.parse(backend.getState().getStartedAt()).plusSeconds(2);
            assertThat(Instant.parse(front.getState().getStartedAt())).isAfter(readyAtTheEarliest);
            assertThat(events).extracting(ComposeEvent::toString)
                    .contains(" Container " + app.name() + "-backend-1  Healthy");
            assertThat(app.ps()).extracting(ServiceContainer::health).contains("healthy");
        });
    }

    @Test
    void up_interpolatesPasswordFromDotEnvIntoCommand(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  db:
                    image: IMAGE
                    command: ["sh", "-c", "echo password=$${PW_SEEN}; echo cmd=${DB_PASSWORD}; sleep 3600"]
                    environment:
                      PW_SEEN: ${DB_PASSWORD:?set DB_PASSWORD in .env}
                """;
        withProject(engine, dir, yaml, Map.of(".env", "DB_PASSWORD='s3cr3t-pw_42'\n"), app -> {
            app.up().run();
            List<String> lines = awaitLines(app, "db", 2);
            assertThat(lines).containsExactly("password=s3cr3t-pw_42", "cmd=s3cr3t-pw_42");
        });
    }

    @Test
    void up_removeOrphans_afterAddingAndRemovingAService(Engine engine, @TempDir Path dir) {
        String before = """
                services:
                  a:
                    image: IMAGE
                    command: ["sleep", "3600"]
                  b:
                    image: IMAGE
                    command: ["sleep", "3600"]
                """;
        String after = """
                services:
                  a:
                    image: IMAGE
                    command: ["sleep", "3600"]
                  c:
                    image: IMAGE
                    command: ["sleep", "3600"]
                """;
        String name = Names.unique("ce");
        ComposeProject first = Stacks.project(engine, Stacks.write(dir, before, Map.of()), name);
        ComposeProject second = null;
        try {
            first.up().run();
            second = Stacks.project(engine, Stacks.write(dir, after, Map.of()), name);
            UpResult warned = second.up().timeout(Duration.ZERO).run();
            assertThat(warned.created()).containsExactly(name + "-c-1");
            assertThat(warned.running()).containsExactly(name + "-a-1");
            assertThat(warned.warnings()).anySatisfy(w -> assertThat(w).contains("Found orphan containers")
                    .contains(name + "-b-1"));
            assertThat(engine.containers().all().name(name + "-b-1").list()).hasSize(1);

            UpResult cleaned = second.up().removeOrphans().timeout(Duration.ZERO).run();
            assertThat(cleaned.removed()).containsExactly(name + "-b-1");
            assertThat(second.psAll()).extracting(ServiceContainer::service).containsExactlyInAnyOrder("a", "c");
        } finally {
            (second == null ? first : second).down().removeOrphans().timeout(Duration.ZERO).run();
        }
    }

    @Test
    void up_afterEditingOneService_recreatesOnlyIt(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  api:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    environment:
                      LEVEL: "1"
                  worker:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    depends_on:
                      api:
                        condition: service_started
                        restart: true
                  cache:
                    image: IMAGE
                    command: ["sleep", "3600"]
                """;
        String name = Names.unique("ce");
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), name);
        try {
            app.up().run();
            Map<String, String> before = ids(app);
            String workerStarted = engine.dockerClient().inspectContainerCmd(name + "-worker-1").exec().getState()
                    .getStartedAt();
            ComposeProject edited = Stacks.project(engine, Stacks.write(dir, yaml.replace("LEVEL: \"1\"", "LEVEL: \"2\""),
                    Map.of()), name);
            UpResult r = edited.up().timeout(Duration.ZERO).run();
            assertThat(r.recreated()).containsExactly(name + "-api-1");
            assertThat(r.running()).containsExactlyInAnyOrder(name + "-worker-1", name + "-cache-1");
            Map<String, String> after = ids(edited);
            assertThat(after.get("worker")).isEqualTo(before.get("worker"));
            assertThat(after.get("cache")).isEqualTo(before.get("cache"));
            assertThat(after.get("api")).isNotEqualTo(before.get("api"));
            // worker depends on api with restart: true, so it is restarted (same container), not recreated.
            assertThat(engine.dockerClient().inspectContainerCmd(name + "-worker-1").exec().getState().getStartedAt())
                    .isNotEqualTo(workerStarted);
            assertThat(edited.exec("api", "sh", "-c", "echo $LEVEL").run().stdout()).isEqualTo("2\n");
            // The real Compose agrees the edited project is up to date.
            ComposePeer.Result peer = ComposePeer.run(dir, Stacks.composeArgs(name, "up", "-d"), Map.of());
            assertThat(peer.stderr()).doesNotContain("Recreate");
            assertThat(ids(edited)).isEqualTo(after);
        } finally {
            app.down().timeout(Duration.ZERO).run();
        }
    }

    @Test
    void up_optionalDependencyFailureOnlyWarns_andStopGoesInReverseOrder(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  app:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                    depends_on:
                      optional:
                        condition: service_healthy
                        required: false
                      db:
                        condition: service_started
                  optional:
                    image: IMAGE
                    command: ["sh", "-c", "exit 1"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 300ms
                  db:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                """;
        withProject(engine, dir, yaml, Map.of(), app -> {
            UpResult r = app.up().run();
            assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("optional dependency \"optional\""));
            assertThat(app.ps()).extracting(ServiceContainer::service).containsExactlyInAnyOrder("app", "db");
            app.stop();
            Instant appStopped = Instant.parse(engine.dockerClient().inspectContainerCmd(app.name() + "-app-1").exec()
                    .getState().getFinishedAt());
            Instant dbStopped = Instant.parse(engine.dockerClient().inspectContainerCmd(app.name() + "-db-1").exec()
                    .getState().getFinishedAt());
            assertThat(appStopped).isBefore(dbStopped);
        });
    }

    @Test
    void up_joinsAnExternalNetworkAndLeavesIt(Engine engine, @TempDir Path dir) {
        String net = Names.unique("ceext");
        engine.dockerClient().createNetworkCmd().withName(net).withLabels(engine.labels()).exec();
        try {
            String yaml = """
                    services:
                      svc:
                        image: IMAGE
                        command: ["sleep", "3600"]
                        networks: [shared]
                    networks:
                      shared:
                        external: true
                        name: NET
                    """.replace("NET", net);
            withProject(engine, dir, yaml, Map.of(), app -> {
                app.up().run();
                assertThat(engine.dockerClient().inspectContainerCmd(app.name() + "-svc-1").exec().getNetworkSettings()
                        .getNetworks()).containsOnlyKeys(net);
            });
            assertThat(engine.dockerClient().listNetworksCmd().withNameFilter(net).exec()).hasSize(1);
        } finally {
            engine.dockerClient().removeNetworkCmd(net).exec();
        }
    }

    @Test
    void up_buildsTheImage_thenComposeAgreesItIsUpToDate_andDownRemovesLocalImages(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  app:
                    build:
                      context: ./app
                      args:
                        GREETING: hello-build
                    command: ["sh", "-c", "cat /greeting; sleep 3600"]
                """;
        String name = Names.unique("cebuild");
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of("app/Dockerfile",
                "FROM " + Stacks.IMAGE + "\nARG GREETING\nRUN echo $GREETING > /greeting\n")), name);
        try {
            List<ComposeEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            app.up().build().progress(events::add).run();
            assertThat(events).anySatisfy(e -> assertThat(e.status()).isEqualTo("Built"));
            assertThat(awaitLines(app, "app", 1)).containsExactly("hello-build");
            assertThat(engine.image(name + "-app").exists()).isTrue();
            ComposePeer.Result peer = ComposePeer.run(dir, Stacks.composeArgs(name, "up", "-d", "--no-build"), Map.of());
            assertThat(peer.exitCode()).as(peer.stderr()).isZero();
            assertThat(peer.stderr()).contains("Running").doesNotContain("Recreate");
        } finally {
            app.down().rmi(RemoveImages.LOCAL).timeout(Duration.ZERO).run();
        }
        assertThat(engine.image(name + "-app").exists()).isFalse();
    }

    @Test
    void up_noRecreateKeepsAChangedService_forceRecreateReplacesAll(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  a:
                    image: IMAGE
                    command: ["sleep", "3600"]
                  b:
                    image: IMAGE
                    command: ["sleep", "3601"]
                """;
        String name = Names.unique("ce");
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), name);
        try {
            app.up().run();
            ComposeProject edited = Stacks.project(engine, Stacks.write(dir, yaml.replace("3601", "3602"), Map.of()), name);
            assertThat(edited.up().noRecreate().run().recreated()).isEmpty();
            assertThat(edited.up().forceRecreate().timeout(Duration.ZERO).run().recreated())
                    .containsExactlyInAnyOrder(name + "-a-1", name + "-b-1");
            assertThat(edited.up().run().recreated()).isEmpty();
        } finally {
            app.down().timeout(Duration.ZERO).run();
        }
    }

    @Test
    void up_sharesNetworkNamespaceAndVolumesWithAnotherService_andComposeAgrees(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  main:
                    image: IMAGE
                    command: ["sh", "-c", "echo hi > /shared/hello; exec httpd -f -p 8080 -h /shared"]
                    volumes: ["shared:/shared"]
                  side:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    network_mode: "service:main"
                    volumes_from: ["main:ro"]
                volumes:
                  shared: {}
                """;
        String name = Names.unique("cens");
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), name);
        try {
            app.up().run();
            String mainId = app.containers("main").get(0).id();
            assertThat(engine.dockerClient().inspectContainerCmd(name + "-side-1").exec().getHostConfig().getNetworkMode())
                    .isEqualTo("container:" + mainId);
            // same network namespace: main's server answers on side's localhost; same volume: the file is there
            assertThat(app.exec("side", "sh", "-c", "cat /shared/hello; echo -e 'GET /hello HTTP/1.0\\r\\n\\r\\n'"
                    + " | nc 127.0.0.1 8080 | tail -1").run(Duration.ofSeconds(20)).stdout()).isEqualTo("hi\nhi\n");
            ComposePeer.Result peer = ComposePeer.run(dir, Stacks.composeArgs(name, "up", "-d"), Map.of());
            assertThat(peer.exitCode()).as(peer.stderr()).isZero();
            assertThat(peer.stderr()).doesNotContain("Recreate");
        } finally {
            app.down().volumes().timeout(Duration.ZERO).run();
        }
    }

    private static Map<String, String> ids(ComposeProject app) {
        Map<String, String> out = new java.util.TreeMap<>();
        app.psAll().forEach(c -> out.put(c.service(), c.id()));
        return out;
    }

    /** Reads the service's output until it has {@code n} lines; bounded to 20 s. */
    static List<String> awaitLines(ComposeProject app, String service, int n) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < end) {
            lines = app.logs().services(service).fetch().stream().map(ComposeLogLine::text).toList();
            if (lines.size() >= n) {
                return lines;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return lines;
    }
}
