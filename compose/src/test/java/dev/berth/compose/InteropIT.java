package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Http;
import dev.berth.testing.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperation with the real Docker Compose v2 (2.26.1) on the same files: each tool must treat the other's
 * containers as up to date (same names, labels and config-hash), see them in {@code ps} and remove them in {@code down}.
 */
@ExtendWith(EngineExtension.class)
class InteropIT {

    @Test
    void berthUp_thenComposeUpRecreatesNothing_andComposeDownRemovesAll(Engine engine, @TempDir Path dir) {
        String name = Names.unique("ceinter");
        Path file = Stacks.write(dir, Stacks.rich(), Stacks.richFiles());
        ComposeProject app = Stacks.project(engine, file, name);
        try {
            UpResult up = app.up().waitReady(Duration.ofSeconds(60)).run();
            assertThat(up.created()).containsExactlyInAnyOrder(name + "-front-1", name + "-backend-1", name + "-migrate-1");
            Map<String, String> before = ids(app.psAll());
            int port = app.port("front", 8080).orElseThrow();
            assertThat(Http.get(port, "/index.html")).isEqualTo("hello from front\n");

            ComposePeer.Result r = ComposePeer.run(dir, Stacks.composeArgs(name, "up", "-d"), Map.of());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            // Compose recreates nothing: no "Recreate"/"Creating" lines, and the container ids are unchanged.
            assertThat(r.stderr()).doesNotContain("Recreate").doesNotContain("Creating");
            assertThat(r.stderr()).contains("Container " + name + "-backend-1  Running");
            assertThat(ids(app.psAll())).isEqualTo(before);

            ComposePeer.Result ps = ComposePeer.run(dir, Stacks.composeArgs(name, "ps", "-a", "--format", "{{.Name}}"),
                    Map.of());
            assertThat(ps.stdout().lines().sorted().toList()).containsExactlyElementsOf(before.keySet());

            ComposePeer.Result down = ComposePeer.run(dir, Stacks.composeArgs(name, "down", "-v"), Map.of());
            assertThat(down.exitCode()).as(down.stderr()).isZero();
            assertThat(app.psAll()).isEmpty();
            assertThat(engine.dockerClient().listNetworksCmd().withNameFilter(name).exec()).isEmpty();
            assertThat(engine.dockerClient().listVolumesCmd().withFilter("name", List.of(name)).exec().getVolumes())
                    .isNullOrEmpty();
        } finally {
            app.down().volumes().removeOrphans().timeout(Duration.ZERO).run();
        }
    }

    @Test
    void composeUp_thenBerthUpRecreatesNothing_andBerthDownRemovesAll(Engine engine, @TempDir Path dir) {
        String name = Names.unique("ceinter");
        Path file = Stacks.write(dir, Stacks.rich(), Stacks.richFiles());
        ComposeProject app = Stacks.project(engine, file, name);
        try {
            ComposePeer.Result r = ComposePeer.run(dir, Stacks.composeArgs(name, "up", "-d", "--wait"), Map.of());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            Map<String, String> before = ids(app.psAll());
            assertThat(before).hasSize(3);

            UpResult up = app.up().run();
            assertThat(up.created()).isEmpty();
            assertThat(up.recreated()).isEmpty();
            assertThat(up.running()).contains(name + "-front-1", name + "-backend-1");
            assertThat(ids(app.psAll())).isEqualTo(before);

            app.down().volumes().run();
            ComposePeer.Result ps = ComposePeer.run(dir, Stacks.composeArgs(name, "ps", "-a", "-q"), Map.of());
            assertThat(ps.stdout()).isBlank();
            assertThat(engine.dockerClient().listNetworksCmd().withNameFilter(name).exec()).isEmpty();
        } finally {
            ComposePeer.run(dir, Stacks.composeArgs(name, "down", "-v", "-t", "0", "--remove-orphans"), Map.of());
        }
    }

    @Test
    void berthLabelsMatchComposeLabels(Engine engine, @TempDir Path dir) {
        String name = Names.unique("celabel");
        String peerName = Names.unique("celabel");
        Path file = Stacks.write(dir, Stacks.rich(), Stacks.richFiles());
        ComposeProject app = Stacks.project(engine, file, name);
        try {
            app.up().noStart().run();
            ComposePeer.Result r = ComposePeer.run(dir, Stacks.composeArgs(peerName, "up", "--no-start"), Map.of());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            for (String svc : List.of("front", "backend", "migrate")) {
                Map<String, String> ours = composeLabels(engine, name + "-" + svc + "-1", name, peerName);
                Map<String, String> theirs = composeLabels(engine, peerName + "-" + svc + "-1", peerName, peerName);
                // config-hash is computed from the service alone, so it agrees across project names.
                assertThat(ours).as(svc).isEqualTo(theirs);
            }
        } finally {
            app.down().volumes().run();
            ComposePeer.run(dir, Stacks.composeArgs(peerName, "down", "-v"), Map.of());
        }
    }

    private static Map<String, String> composeLabels(Engine engine, String container, String project, String as) {
        Map<String, String> labels = engine.dockerClient().inspectContainerCmd(container).exec().getConfig().getLabels();
        return labels.entrySet().stream().filter(e -> e.getKey().startsWith("com.docker.compose."))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getKey().equals("com.docker.compose.depends_on")
                                // Compose v2 writes the entries in Go map order, which varies: compare them as a set
                                ? String.join(",", new java.util.TreeSet<>(List.of(e.getValue().split(","))))
                                : e.getValue().replace(project, as),
                        (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> ids(List<ServiceContainer> cs) {
        return cs.stream().collect(Collectors.toMap(ServiceContainer::name, ServiceContainer::id, (a, b) -> a, TreeMap::new));
    }
}
