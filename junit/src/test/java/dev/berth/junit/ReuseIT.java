package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.container.Container;
import dev.berth.container.ContainerSummary;
import dev.berth.junit.samples.RaceSample;
import dev.berth.junit.samples.ReuseSample;
import dev.berth.junit.testing.Forked;
import dev.berth.junit.testing.Kit;
import dev.berth.network.Network;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reuse across runs: a later run adopts what an earlier one left, and runs racing for the same reusable fixture —
 * two forked JVMs released at the same moment — get one resource, not two.
 */
@ExtendWith(EngineExtension.class)
class ReuseIT {
    private static final String RUN = Names.unique("r");

    static {
        System.setProperty("berth.sample.reuse", RUN); // read when the samples are initialised
    }

    private static List<String> seen(String kind) {
        return ReuseSample.SEEN.stream().filter(s -> s.startsWith(kind + " ")).map(s -> s.substring(kind.length() + 1))
                .sorted().toList();
    }

    private static void removeRun(Engine engine, String network, String volume, String project) {
        engine.containers().all().label("berth.sample.run", RUN).remove(dev.berth.container.RemoveOption.FORCE);
        if (project != null) {
            engine.containers().all().label("com.docker.compose.project", project)
                    .remove(dev.berth.container.RemoveOption.FORCE);
            engine.networks().label("com.docker.compose.project", project).remove();
        }
        engine.networks().name(network).networks().forEach(Network::close);
        if (volume != null) {
            engine.volumes().name(volume).volumes().forEach(Volume::close);
        }
    }

    @Test
    void reusableFixtures_outliveTheRun_andTheNextRunAdoptsThem(Engine engine) {
        try {
            ReuseSample.SEEN.clear();
            Kit.run(Map.of("berth.reuse.enabled", "false"), ReuseSample.class).testEvents()
                    .assertStatistics(s -> s.succeeded(1));
            List<String> ordinary = new ArrayList<>(ReuseSample.SEEN);
            assertThat(engine.containers().all().label("berth.sample.run", RUN).ids())
                    .as("with reuse turned off they are ordinary fixtures, removed after the run").isEmpty();

            ReuseSample.SEEN.clear();
            Kit.run(ReuseSample.class).testEvents().assertStatistics(s -> s.succeeded(1));
            List<String> first = List.of(seen("container").get(0), seen("network").get(0), seen("volume").get(0));
            List<String> firstCompose = seen("compose");
            ReuseSample.SEEN.clear();
            Kit.run(ReuseSample.class).testEvents().assertStatistics(s -> s.succeeded(1));

            assertThat(List.of(seen("container").get(0), seen("network").get(0), seen("volume").get(0)))
                    .as("the second run adopted the first run's resources").isEqualTo(first);
            assertThat(seen("compose")).hasSize(2).isEqualTo(firstCompose);
            assertThat(ordinary).doesNotContain("container " + first.get(0));
            Container cache = new Container(engine, first.get(0), null);
            assertThat(cache.isRunning()).as("still running after both runs ended").isTrue();
            Map<String, String> labels = cache.inspect().labels();
            assertThat(labels).containsKey(Labels.REUSE)
                    .containsEntry(Labels.SESSION, "reuse-" + labels.get(Labels.REUSE));
            assertThat(engine.containers().label("com.docker.compose.project", ReuseSample.PROJECT).list())
                    .hasSize(2).allSatisfy(c -> assertThat(c.labels()).containsKey(Labels.REUSE));
        } finally {
            removeRun(engine, ReuseSample.NETWORK, ReuseSample.VOLUME, ReuseSample.PROJECT);
        }
    }

    @Test
    void twoJvmsRacingForTheSameReusableFixtures_getOneOfEach(Engine engine) throws Exception {
        String network = "race-net-" + RUN;
        try (Forked a = Forked.start(RaceSample.class, true, "-Dberth.sample.reuse=" + RUN);
             Forked b = Forked.start(RaceSample.class, true, "-Dberth.sample.reuse=" + RUN)) {
            a.await("WAITING", Duration.ofSeconds(60));
            b.await("WAITING", Duration.ofSeconds(60));
            a.send(); // both JVMs are loaded and waiting: release them together
            b.send();
            String containerA = a.await("CONTAINER", Duration.ofSeconds(120));
            String containerB = b.await("CONTAINER", Duration.ofSeconds(120));
            String networkA = a.await("NETWORK", Duration.ofSeconds(10));
            String networkB = b.await("NETWORK", Duration.ofSeconds(10));
            assertThat(a.exitCode(Duration.ofSeconds(60))).isZero();
            assertThat(b.exitCode(Duration.ofSeconds(60))).isZero();

            assertThat(containerB).isEqualTo(containerA);
            assertThat(networkB).isEqualTo(networkA);
            List<ContainerSummary> containers = engine.containers().all().label("berth.sample.run", RUN).list();
            assertThat(containers).extracting(ContainerSummary::id).containsExactly(containerA);
            assertThat(engine.networks().name(network).list()).as("no duplicate network of that name").hasSize(1);
            assertThat(engine.volumes().name("berth-lock-").names()).as("every engine lock released")
                    .noneMatch(n -> n.contains(containers.get(0).labels().get(Labels.REUSE)));
        } finally {
            removeRun(engine, network, null, null);
        }
    }
}
