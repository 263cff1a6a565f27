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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The options of {@code up}, {@code down}, {@code logs}, {@code run} and {@code build} that change what happens,
 * each pinned to what Docker Compose v2 does with the same flag.
 */
@ExtendWith(EngineExtension.class)
class OptionsIT {
    private static final String YAML = """
            services:
              web:
                image: IMAGE
                command: ["httpd", "-f", "-p", "80"]
                ports: ["127.0.0.1::80"]
                depends_on: [db]
                stop_grace_period: 1s
              db:
                image: IMAGE
                command: ["sleep", "3600"]
                volumes: ["data:/data"]
                stop_grace_period: 1s
              other:
                image: IMAGE
                command: ["sleep", "3600"]
                stop_grace_period: 1s
            volumes:
              data: {}
            """;

    /** {@code up web} brings up web and what it depends on, nothing else; {@code up --no-deps other} only other. */
    @Test
    void up_selectedServices_bringsUpTheirDependenciesOnly(Engine engine, @TempDir Path dir) {
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, YAML, Map.of()), Names.unique("ceopt"));
        try {
            app.up().services("web").run();
            assertThat(app.ps()).extracting(ServiceContainer::service).containsExactlyInAnyOrder("web", "db");

            app.stop();
            app.up().services("other").noDeps().run();
            assertThat(app.ps()).extracting(ServiceContainer::service).containsExactly("other");
        } finally {
            app.down().volumes().timeout(Duration.ZERO).run();
        }
    }

    /** {@code down} keeps named volumes; {@code down -v} removes them (Compose: "Volume PROJECT_data Removed"). */
    @Test
    void down_removesNamedVolumesOnlyWithVolumes(Engine engine, @TempDir Path dir) {
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, YAML, Map.of()), Names.unique("ceopt"));
        String volume = app.name() + "_data";
        try {
            app.up().services("db").run();
            app.down().timeout(Duration.ZERO).run();
            assertThat(engine.volumes().name(volume).list()).extracting(dev.berth.volume.VolumeInfo::name).containsExactly(volume);

            app.up().services("db").run();
            List<ComposeEvent> events = new CopyOnWriteArrayList<>();
            app.down().volumes().timeout(Duration.ZERO).progress(events::add).run();
            assertThat(engine.volumes().name(volume).list()).isEmpty();
            assertThat(events).extracting(ComposeEvent::toString).anyMatch(e -> e.contains(volume) && e.contains("Removed"));
        } finally {
            app.down().volumes().timeout(Duration.ZERO).run();
        }
    }

    /**
     * {@code up} recreates a container whose named volume is no longer the one the project declares (its {@code name:}
     * changed), though the service's config hash is the same; an unchanged project recreates nothing.
     */
    @Test
    void up_recreatesAContainerWhoseVolumeChanged(Engine engine, @TempDir Path dir) {
        String first = Names.unique("ceopt-vol-a");
        String second = Names.unique("ceopt-vol-b");
        String yaml = """
                services:
                  db:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    volumes: ["data:/data"]
                    stop_grace_period: 1s
                volumes:
                  data:
                    name: VOLUME
                """;
        String name = Names.unique("ceopt");
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml.replace("VOLUME", first), Map.of()), name);
        ComposeProject changed = null;
        try {
            app.up().run();
            String id = app.containers("db").get(0).id();
            app.up().run();
            assertThat(app.containers("db").get(0).id()).as("nothing changed, nothing recreated").isEqualTo(id);

            changed = Stacks.project(engine, Stacks.write(dir, yaml.replace("VOLUME", second), Map.of()), name);
            changed.up().run();
            ServiceContainer now = changed.containers("db").get(0);
            assertThat(now.id()).isNotEqualTo(id);
            assertThat(now.container().inspect().mounts()).anyMatch(m -> second.equals(m.name()));
        } finally {
            (changed != null ? changed : app).down().volumes().timeout(Duration.ZERO).run();
            app.down().volumes().timeout(Duration.ZERO).run();
        }
        assertThat(engine.volumes().name(first).list()).isEmpty();
        assertThat(engine.volumes().name(second).list()).isEmpty();
    }

    /** {@code up --wait} fails, naming the service, when a container does not become healthy in time. */
    @Test
    void up_waitTimesOut_namingTheService(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  slow:
                    image: IMAGE
                    command: ["sleep", "3600"]
                    healthcheck:
                      test: ["CMD-SHELL", "test -e /ready"]
                      interval: 1s
                      retries: 1000
                    stop_grace_period: 1s
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("ceopt"));
        try {
            assertThatThrownBy(() -> app.up().waitReady(Duration.ofSeconds(3)).run())
                    .isInstanceOf(ComposeException.class)
                    .hasMessageContaining("timed out").hasMessageContaining("\"slow\"")
                    .satisfies(e -> assertThat(((ComposeException) e).service()).contains("slow"));
            // the container was created and started; the wait failed, not the up
            assertThat(app.ps()).extracting(ServiceContainer::service).containsExactly("slow");
        } finally {
            app.down().timeout(Duration.ZERO).run();
        }
    }

    /** {@code logs -f} streams every service's lines and returns when the containers stop. */
    @Test
    void logs_follow_streamsUntilTheContainersStop(Engine engine, @TempDir Path dir) throws Exception {
        String yaml = """
                services:
                  ticker:
                    image: IMAGE
                    command: ["sh", "-c", "for i in 1 2 3; do echo tick $$i; sleep 1; done"]
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("ceopt"));
        try {
            app.up().run();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread follower = new Thread(() -> app.logs().follow(l -> lines.add(l.text())));
            follower.start();
            follower.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(follower.isAlive()).as("follow returns once the container has exited").isFalse();
            assertThat(lines).containsExactly("tick 1", "tick 2", "tick 3");
        } finally {
            app.down().timeout(Duration.ZERO).run();
        }
    }

    /** {@code run} publishes no ports unless {@code --service-ports}; {@code container_name} names the container. */
    @Test
    void run_servicePorts_and_containerName(Engine engine, @TempDir Path dir) {
        String name = Names.unique("ceopt-fixed");
        String yaml = """
                services:
                  web:
                    image: IMAGE
                    container_name: NAME
                    command: ["httpd", "-f", "-p", "80"]
                    ports: ["127.0.0.1::80"]
                    stop_grace_period: 1s
                """.replace("NAME", name);
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml, Map.of()), Names.unique("ceopt"));
        try {
            app.up().run();
            assertThat(app.ps()).extracting(ServiceContainer::name).containsExactly(name);
            assertThat(app.ps().get(0).hostPort(80)).isPresent();

            ServiceContainer plain = app.run("web").detached();
            ServiceContainer published = app.run("web").servicePorts().detached();
            assertThat(plain.container().inspect().ports()).isEmpty();
            assertThat(published.container().inspect().ports()).isNotEmpty();
        } finally {
            app.down().removeOrphans().timeout(Duration.ZERO).run();
        }
        assertThat(engine.containers().all().label("com.docker.compose.project", app.name()).list()).isEmpty();
    }

    /** {@code pull} on its own pulls each service's image, reporting the image and its layers as Compose prints them. */
    @Test
    void pull_alone_pullsTheImage_withLayerProgress(Engine engine, @TempDir Path dir) {
        String ref = pushedImage(engine, "compose-pull");
        assertThat(engine.image(ref).exists()).isFalse();
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, "services:\n  app:\n    image: " + ref + "\n",
                Map.of()), Names.unique("ceopt"));
        try {
            List<ComposeEvent> events = new CopyOnWriteArrayList<>();
            app.pull(events::add);

            assertThat(engine.image(ref).inspect().tags()).contains(ref);
            assertThat(events).extracting(ComposeEvent::toString)
                    .startsWith(" Image " + ref + "  Pulling").endsWith(" Image " + ref + "  Pulled");
            assertThat(events).filteredOn(e -> e.resource().equals("Layer"))
                    .anyMatch(e -> e.status().equals("Pull complete"))
                    .anyMatch(e -> e.status().equals("Already exists"));
        } finally {
            if (engine.image(ref).exists()) {
                engine.image(ref).remove(dev.berth.image.ImageRemoveOption.FORCE);
            }
        }
    }

    /**
     * {@code up --pull always} pulls an image it already has; {@code --pull never} refuses a missing one, naming the
     * service; {@code down --rmi all} removes the pulled image.
     */
    @Test
    void up_pullPolicies_and_downRmiAll(Engine engine, @TempDir Path dir) {
        String ref = pushedImage(engine, "compose-pull-policy");
        ComposeProject app = Stacks.project(engine, Stacks.write(dir,
                "services:\n  app:\n    image: " + ref + "\n    command: [\"sleep\", \"3600\"]\n"
                        + "    stop_grace_period: 1s\n", Map.of()), Names.unique("ceopt"));
        try {
            assertThatThrownBy(() -> app.up().pull("never").run()).isInstanceOf(ComposeException.class)
                    .hasMessageContaining(ref).hasMessageContaining("never")
                    .satisfies(e -> assertThat(((ComposeException) e).service()).contains("app"));
            assertThat(app.psAll()).as("nothing created when the image is missing").isEmpty();

            List<ComposeEvent> first = new CopyOnWriteArrayList<>();
            app.up().progress(first::add).run();              // default policy "missing": pulls once
            assertThat(first).anyMatch(e -> e.status().equals("Pulled"));
            List<ComposeEvent> missing = new CopyOnWriteArrayList<>();
            app.up().progress(missing::add).run();
            assertThat(missing).noneMatch(e -> e.status().equals("Pulling"));
            List<ComposeEvent> always = new CopyOnWriteArrayList<>();
            app.up().pull("always").progress(always::add).run();
            assertThat(always).anyMatch(e -> e.resource().equals("Image") && e.status().equals("Pulled"));

            app.down().rmi(RemoveImages.ALL).timeout(Duration.ZERO).run();
            assertThat(engine.image(ref).exists()).isFalse();
        } finally {
            app.down().timeout(Duration.ZERO).run();
            if (engine.image(ref).exists()) {
                engine.image(ref).remove(dev.berth.image.ImageRemoveOption.FORCE);
            }
        }
    }

    /** An image unique to the test, pushed to the local registry and removed locally; returns its reference. */
    private static String pushedImage(Engine engine, String repository) {
        String ref = dev.berth.testing.TestRegistries.repository(dev.berth.testing.TestRegistries.plain(), repository)
                + ":1";
        dev.berth.image.Image image = engine.build(dev.berth.image.BuildSpec.builder()
                .dockerfile("FROM " + Stacks.IMAGE + "\nRUN echo " + Names.unique("pull") + " > /unique\n").tag(ref).build());
        image.push(dev.berth.image.PushOptions.defaults().auth(dev.berth.registry.RegistryAuth.anonymous()));
        image.remove();
        return ref;
    }

    /** {@code build} on its own builds and tags {@code PROJECT-SERVICE} and returns the image id. */
    @Test
    void build_alone_buildsAndTagsTheServiceImage(Engine engine, @TempDir Path dir) {
        String yaml = """
                services:
                  app:
                    build: ./app
                """;
        ComposeProject app = Stacks.project(engine, Stacks.write(dir, yaml,
                Map.of("app/Dockerfile", "FROM " + Stacks.IMAGE + "\nRUN echo built > /built\n")), Names.unique("ceopt"));
        try {
            List<ComposeEvent> events = new CopyOnWriteArrayList<>();
            Map<String, String> ids = app.build(events::add);
            assertThat(ids).containsOnlyKeys("app");
            assertThat(engine.image(app.name() + "-app").inspect().id()).isEqualTo(ids.get("app"));
            assertThat(events).isNotEmpty();
        } finally {
            app.down().rmi(RemoveImages.LOCAL).run();
        }
        assertThat(engine.image(app.name() + "-app").exists()).isFalse();
    }
}
