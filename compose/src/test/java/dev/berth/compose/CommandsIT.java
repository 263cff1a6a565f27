package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The other commands on one small project: logs, stop/start/restart, pause, kill, rm, run, exec, top, images. */
@ExtendWith(EngineExtension.class)
class CommandsIT {
    private static final String YAML = """
            services:
              web:
                image: IMAGE
                command: ["sh", "-c", "echo web says hi; echo oops >&2; exec httpd -f -p 80"]
                ports: ["127.0.0.1::80"]
                depends_on:
                  db:
                    condition: service_started
                    restart: true
                stop_grace_period: 1s
                secrets: [token, apikey]
                configs:
                  - source: app
                    target: /etc/app.conf
                  - source: inline
                    target: /etc/inline.conf
                volumes:
                  - data:/data
              db:
                image: IMAGE
                command: ["sh", "-c", "echo db ready; exec sleep 3600"]
                environment:
                  ROLE: primary
                stop_grace_period: 1s
            volumes:
              data: {}
            secrets:
              token:
                file: ./token.txt
              apikey:
                environment: API_KEY
            configs:
              app:
                file: ./app.conf
              inline:
                content: "inline=1"
            """;

    @Test
    void commands_onARunningProject(Engine engine, @TempDir Path dir) {
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, YAML,
                Map.of("token.txt", "t0ken\n", "app.conf", "x=1\n")), Names.unique("cecmd"), Map.of("API_KEY", "k3y"));
        try {
            app.up().run();
            assertThat(app.ps()).extracting(ServiceContainer::name)
                    .containsExactlyInAnyOrder(app.name() + "-web-1", app.name() + "-db-1");

            // exec and file-based secrets and configs
            assertThat(app.exec("web", "cat", "/run/secrets/token", "/etc/app.conf").run().stdout()).isEqualTo("t0ken\nx=1\n");
            // environment- and content-based ones are copied in before start
            assertThat(app.exec("web", "cat", "/run/secrets/apikey", "/etc/inline.conf").run().stdout()).isEqualTo("k3yinline=1");

            // logs: per service, tail, timestamps
            List<String> web = ScenariosIT.awaitLines(app, "web", 2);
            assertThat(web).contains("web says hi", "oops");
            assertThat(app.logs().services("db").tail(1).fetch()).extracting(ComposeLogLine::text).containsExactly("db ready");
            assertThat(app.logs().timestamps().fetch()).allSatisfy(l -> assertThat(l.line().timestamp()).isPresent());

            // top and images
            assertThat(app.top("db")).containsKey(app.name() + "-db-1");
            assertThat(app.images()).extracting(ServiceImage::reference).containsOnly(Stacks.IMAGE);

            // pause / unpause
            app.pause("db");
            assertThat(app.containers("db").get(0).state()).isEqualTo("paused");
            app.unpause("db");
            assertThat(app.containers("db").get(0).state()).isEqualTo("running");

            // restart db restarts web too (restart: true)
            String webStarted = startedAt(engine, app.name() + "-web-1");
            app.restart(Duration.ofSeconds(1), "db");
            assertThat(startedAt(engine, app.name() + "-web-1")).isNotEqualTo(webStarted);

            // stop in reverse order, then start in order
            List<ComposeEvent> events = new CopyOnWriteArrayList<>();
            app.stop();
            assertThat(app.ps()).isEmpty();
            app.start();
            assertThat(app.ps()).hasSize(2);

            // kill, then rm of the stopped container
            app.kill("web");
            app.containers("web").get(0).container().await(Duration.ofSeconds(20));
            assertThat(app.psAll().stream().filter(c -> c.service().equals("web")).findFirst().orElseThrow().state())
                    .isEqualTo("exited");
            assertThat(app.rm(true, false, "web")).containsExactly(app.name() + "-web-1");
            assertThat(app.psAll()).extracting(ServiceContainer::service).containsExactly("db");

            // run: a one-off with a command override, removed afterwards
            List<String> out = new CopyOnWriteArrayList<>();
            int code = app.run("db").command("sh", "-c", "echo role=$ROLE; exit 7").rm().output(l -> out.add(l.text())).run();
            assertThat(code).isEqualTo(7);
            assertThat(out).containsExactly("role=primary");
            ServiceContainer oneOff = app.run("db").command("sleep", "3600").detached();
            assertThat(oneOff.name()).startsWith(app.name() + "-db-run-");
            var labels = engine.dockerClient().inspectContainerCmd(oneOff.id()).exec().getConfig().getLabels();
            assertThat(labels).containsEntry("com.docker.compose.oneoff", "True").containsKey("com.docker.compose.slug");
            assertThat(app.ps()).extracting(ServiceContainer::name).doesNotContain(oneOff.name());
            // config
            assertThat(app.config()).contains("services:").contains("web:");
            assertThat(events).isEmpty();
        } finally {
            app.down().volumes().removeOrphans().timeout(Duration.ZERO).run();
        }
        assertThat(engine.containers().all().label("com.docker.compose.project", app.name()).list()).isEmpty();
    }

    @Test
    void up_attached_multiplexesPrefixedOutputUntilAllExit(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  one:
                    image: IMAGE
                    command: ["sh", "-c", "echo from-one; sleep 1; echo bye-one"]
                  two:
                    image: IMAGE
                    command: ["sh", "-c", "echo from-two"]
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("cecmd"));
        try {
            List<ComposeLogLine> lines = new CopyOnWriteArrayList<>();
            app.up().attached(lines::add).run();
            assertThat(lines).extracting(ComposeLogLine::toString).contains(
                    app.name() + "-one-1  | from-one", app.name() + "-one-1  | bye-one", app.name() + "-two-1  | from-two");
            assertThat(app.ps()).isEmpty();
        } finally {
            app.down().timeout(Duration.ZERO).run();
        }
    }

    private static String startedAt(Engine engine, String name) {
        return engine.dockerClient().inspectContainerCmd(name).exec().getState().getStartedAt();
    }
}
