package dev.berth.system;

import dev.berth.Engine;
import dev.berth.EngineVersion;
import dev.berth.PruneReport;
import dev.berth.container.Container;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.network.Network;
import dev.berth.testing.DockerCli;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.Sh;
import dev.berth.testing.TestImages;
import dev.berth.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker info}, {@code docker version}, {@code docker system df} and {@code docker system prune} through Berth.
 * Other sessions use this engine at the same time: prunes here are always scoped to this test's own label, and counts
 * are compared with the docker CLI a few times until a quiet moment.
 */
@ExtendWith(EngineExtension.class)
class SystemIT {
    private static final String RUN = "berth.test.run";
    private static final String KEEP = "berth.test.keep";

    @Test
    void info_countsStatesAndReportsSwarmAndVersion_asDockerInfo(Engine engine) {
        try (Container running = engine.container(TestImages.BUSYBOX).command("sleep", "60").detached().run();
             Container paused = engine.container(TestImages.BUSYBOX).command("sleep", "60").detached().run()) {
            paused.pause();
            SystemInfo info = engine.system().info();
            assertThat(info.containers()).isEqualTo(info.containersRunning() + info.containersPaused()
                    + info.containersStopped());
            assertThat(info.containersRunning()).isPositive();
            assertThat(info.containersPaused()).isPositive();
            assertThat(info.images()).isPositive();
            assertThat(info.serverVersion()).isEqualTo(engine.version().version());
            assertThat(info.swarm()).isNotEqualTo(SwarmState.UNKNOWN);
            assertThat(info.storageDriver()).isNotEmpty();
            assertThat(info.cpus()).isPositive();
            assertThat(info.memoryBytes()).isPositive();
            String docker = DockerCli.run("info", "--format", "{{.ID}}|{{.ServerVersion}}|{{.Driver}}|{{.NCPU}}|{{.OSType}}");
            assertThat(String.join("|", info.id(), info.serverVersion(), info.storageDriver(),
                    Integer.toString(info.cpus()), info.osType())).isEqualTo(docker);
            paused.unpause();
        }
    }

    @Test
    void version_isWhatDockerVersionReports(Engine engine) {
        EngineVersion v = engine.system().version();
        assertThat(v.version() + " " + v.apiVersion() + " " + v.minApiVersion())
                .isEqualTo(DockerCli.run("version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}"
                        + " {{.Server.MinAPIVersion}}"));
        assertThat(v.negotiatedApiVersion()).isEqualTo(engine.apiVersion());
    }

    @Test
    void df_reportsOwnVolumeSize_andCountsAsTheCli(Engine engine) {
        try (Volume data = engine.volume(Names.unique("berth-df")).create()) {
            Sh.run(engine.container(TestImages.BUSYBOX).volume(data.name(), "/data"),
                    "dd if=/dev/zero of=/data/blob bs=1024 count=1024 2>/dev/null").ok();
            DiskUsage df = engine.system().df();
            DiskUsage.VolumeUsage mine = df.volumes().stream().filter(v -> v.name().equals(data.name())).findFirst()
                    .orElseThrow();
            assertThat(mine.size()).isGreaterThanOrEqualTo(1024 * 1024);
            assertThat(mine.refCount()).isZero();
            assertThat(mine.labels()).containsAllEntriesOf(engine.labels());
            assertThat(df.images()).anySatisfy(i -> assertThat(i.tags()).contains(TestImages.BUSYBOX));
            assertThat(df.summary()).extracting(DiskUsage.Summary::type)
                    .containsExactly("Images", "Containers", "Local Volumes", "Build Cache");
            // docker system df's TOTAL and ACTIVE columns, from the same engine; retried while others change it.
            String ours = "";
            String theirs = "";
            for (int attempt = 0; attempt < 5; attempt++) {
                theirs = DockerCli.run("system", "df", "--format", "{{.Type}} {{.TotalCount}} {{.Active}}");
                ours = String.join("\n", engine.system().df().summary().stream()
                        .map(s -> s.type() + " " + s.total() + " " + s.active()).toList());
                if (ours.equals(theirs)) {
                    break;
                }
            }
            assertThat(ours).isEqualTo(theirs);
        }
    }

    @Test
    void systemPrune_removesWhatItShould_andNothingLabelledKept(Engine engine) {
        // docker system prune --volumes --filter label=RUN --filter label!=KEEP, scoped to this test's own run label:
        // stopped containers, unused networks, unused volumes and dangling images go; running containers, networks
        // and volumes they use, tagged images and everything labelled KEEP stay.
        String run = Names.unique("run");
        String tag = "berth-test/prune:" + run;
        String keptTag = "berth-test/prune-kept:" + run;
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            Container runningC = track(toClose, engine.container(TestImages.BUSYBOX).label(RUN, run)
                    .command("sleep", "120").detached().run());
            Container stoppedDrop = track(toClose, engine.container(TestImages.BUSYBOX).label(RUN, run)
                    .command("true").create());
            Container stoppedKept = track(toClose, engine.container(TestImages.BUSYBOX).label(RUN, run)
                    .label(KEEP, "yes").command("true").create());
            Network netDrop = track(toClose, engine.network(Names.unique("berth-prune")).label(RUN, run).create());
            Network netKept = track(toClose, engine.network(Names.unique("berth-prune")).label(RUN, run)
                    .label(KEEP, "yes").create());
            Network netUsed = track(toClose, engine.network(Names.unique("berth-prune")).label(RUN, run).create());
            netUsed.connect(runningC);
            Volume volDrop = track(toClose, engine.volume(Names.unique("berth-prune")).label(RUN, run).create());
            Volume volKept = track(toClose, engine.volume(Names.unique("berth-prune")).label(RUN, run)
                    .label(KEEP, "yes").create());
            Volume volUsed = track(toClose, engine.volume(Names.unique("berth-prune")).label(RUN, run).create());
            Container holder = track(toClose, engine.container(TestImages.BUSYBOX).label(RUN, run).label(KEEP, "yes")
                    .volume(volUsed.name(), "/data").command("sleep", "120").detached().run());
            // Dangling images: build, then build something else under the same tag so the first loses its tag.
            String danglingDrop = build(engine, tag, run, "a", false).id();
            Image tagged = build(engine, tag, run, "b", false);
            String danglingKept = build(engine, keptTag, run, "a", true).id();
            Image keptTagged = build(engine, keptTag, run, "b", true);
            toClose.add(() -> forceRemove(engine, tagged.id(), danglingKept, keptTagged.id(), danglingDrop));

            PruneSpec.Builder spec = PruneSpec.builder().containers().networks().volumes().images()
                    .label(RUN, run).labelNot(KEEP);
            // --filter until=1h first: everything here is seconds old, so nothing goes (volumes take no until).
            assertThat(engine.system().prune(PruneSpec.builder().containers().networks().images().label(RUN, run)
                    .until(Duration.ofHours(1)).build()).isEmpty()).isTrue();

            PruneReport r = engine.system().prune(spec.build());
            assertThat(r.containers()).containsExactly(stoppedDrop.id());
            assertThat(r.networks()).containsExactly(netDrop.name());
            assertThat(r.volumes()).containsExactly(volDrop.name());
            // The dangling image goes with the untagged parent layers the classic builder made for it.
            assertThat(r.images()).contains(danglingDrop).doesNotContain(danglingKept, tagged.id(), keptTagged.id());
            assertThat(r.buildCache()).isEmpty();

            assertThat(engine.containers().all().label(RUN, run).ids())
                    .containsExactlyInAnyOrder(runningC.id(), stoppedKept.id(), holder.id());
            assertThat(netKept.exists() && netUsed.exists()).isTrue();
            assertThat(volKept.exists() && volUsed.exists()).isTrue();
            assertThat(engine.image(tagged.id()).exists()).isTrue();
            assertThat(engine.image(danglingKept).exists()).isTrue();
            assertThat(engine.image(danglingDrop).exists()).isFalse();
            assertThat(engine.image(TestImages.BUSYBOX).exists()).isTrue();

            // A second run finds nothing left to do.
            assertThat(engine.system().prune(spec.build()).isEmpty()).isTrue();
        } finally {
            // Containers first: networks and volumes cannot go while containers use them.
            toClose.sort(java.util.Comparator.comparing(c -> c instanceof Container ? 0 : 1));
            for (AutoCloseable c : toClose) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort; EngineExtension reports leftovers
                }
            }
        }
    }

    @Test
    void prune_allImages_removesUnusedTaggedImagesOfTheLabel_andBuildCacheRuns(Engine engine) {
        // docker image prune -a --filter label=RUN: unused tagged images go too, an image a container uses stays
        String run = Names.unique("run");
        String unused = build(engine, "berth-test/prune-all:" + run, run, "unused", false).id();
        String used = build(engine, "berth-test/prune-used:" + run, run, "used", false).id();
        try (Container user = engine.container(used).command("sleep", "60").detached().run()) {
            PruneReport r = engine.system().prune(PruneSpec.builder().allImages().label(RUN, run).build());
            assertThat(r.images()).contains(unused).doesNotContain(used);
            assertThat(engine.image(unused).exists()).isFalse();
            assertThat(engine.image(used).exists()).isTrue();
        } finally {
            forceRemove(engine, unused, used);
        }
        // docker builder prune: the engine accepts it (it fails on an engine error) and it prunes the build cache only
        PruneReport cache = engine.system().prune(PruneSpec.builder().buildCache().build());
        assertThat(cache.containers()).isEmpty();
        assertThat(cache.networks()).isEmpty();
        assertThat(cache.volumes()).isEmpty();
        assertThat(cache.images()).isEmpty();
    }

    private static Image build(Engine engine, String tag, String run, String variant, boolean kept) {
        BuildSpec.Builder b = BuildSpec.builder().dockerfile("FROM " + TestImages.BUSYBOX + "\n").tag(tag)
                .label(RUN, run).label("berth.test.variant", variant);
        if (kept) {
            b.label(KEEP, "yes");
        }
        Image built = engine.build(b.build());
        return engine.image(built.id());
    }

    private static void forceRemove(Engine engine, String... ids) {
        for (String id : ids) {
            if (engine.image(id).exists()) {
                engine.image(id).remove(dev.berth.image.ImageRemoveOption.FORCE);
            }
        }
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> list, T resource) {
        list.add(resource);
        return resource;
    }
}
