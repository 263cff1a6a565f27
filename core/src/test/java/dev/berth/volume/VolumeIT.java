package dev.berth.volume;

import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.PruneReport;
import dev.berth.VolumeNotFoundException;
import dev.berth.container.Container;
import dev.berth.container.MountPoint;
import dev.berth.container.RemoveOption;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code docker volume create/ls/inspect/rm/prune} through Berth against the real engine. */
@ExtendWith(EngineExtension.class)
class VolumeIT {
    private static final String KEEP = "berth.test.keep";

    @Test
    void create_withDriverOptionsAndLabels_isInspectedBack(Engine engine) {
        // docker volume create --driver local --opt type=tmpfs --opt device=tmpfs --opt o=size=8m --label team=a NAME
        String name = Names.unique("berth-vol");
        try (Volume v = engine.volume(name).driver("local").option("type", "tmpfs").option("device", "tmpfs")
                .option("o", "size=8m").label("team", "a").create()) {
            VolumeInfo info = v.inspect();
            assertThat(info.name()).isEqualTo(name);
            assertThat(info.driver()).isEqualTo("local");
            assertThat(info.scope()).isEqualTo("local");
            assertThat(info.mountpoint()).isEqualTo(engine.system().info().dockerRootDir().resolve("volumes").resolve(name)
                    .resolve("_data"));
            assertThat(info.createdAt()).isPresent();
            assertThat(info.options()).isEqualTo(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=8m"));
            assertThat(info.labels()).containsEntry("team", "a").containsAllEntriesOf(engine.labels());
            assertThat(v.exists()).isTrue();
        }
    }

    @Test
    void create_unnamed_isNamedByTheEngine(Engine engine) {
        try (Volume v = engine.volume(VolumeSpec.builder().build()).create()) {
            assertThat(v.name()).matches("[0-9a-f]{64}");
            assertThat(v.inspect().labels()).containsAllEntriesOf(engine.labels());
        }
    }

    @Test
    void errors_duplicateInUseAndMissing_nameTheVolumeAndWhatToDo(Engine engine) {
        String name = Names.unique("berth-vol");
        try (Volume v = engine.volume(name).create();
             Container c = engine.container(TestImages.BUSYBOX).volume(name, "/data").command("true").create()) {
            // docker volume create NAME twice returns the existing volume; Berth refuses so options are never lost.
            assertThatThrownBy(() -> engine.volume(name).option("type", "tmpfs").create())
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Cannot create volume '" + name + "': the name is already in use")
                    .hasMessageContaining("engine.volumes().get(");
            // docker volume rm on a volume a (even stopped) container uses: refused, forced or not.
            assertThatThrownBy(v::remove).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Cannot remove volume '" + name + "'")
                    .hasMessageContaining(c.id()).hasMessageContaining("remove those containers first");
            assertThatThrownBy(() -> v.remove(VolumeRemoveOption.FORCE)).isInstanceOf(ConflictException.class);
            assertThat(v.containers()).containsExactly(c);
            c.remove();
            assertThat(v.containers()).isEmpty();
        }
        Volume missing = new Volume(engine, "berth-no-such-volume");
        assertThatThrownBy(missing::inspect).isInstanceOf(VolumeNotFoundException.class)
                .hasMessageContaining("'berth-no-such-volume'");
        assertThatThrownBy(missing::remove).isInstanceOf(VolumeNotFoundException.class);
        missing.remove(VolumeRemoveOption.FORCE); // docker volume rm -f on a missing volume succeeds
        assertThatThrownBy(() -> engine.volumes().get("berth-no-such-volume")).isInstanceOf(VolumeNotFoundException.class);
        assertThatThrownBy(() -> engine.volume(Names.unique("berth-vol")).driver("berth-no-such-driver").create())
                .isInstanceOf(dev.berth.NotFoundException.class).hasMessageContaining("berth-no-such-driver");
    }

    @Test
    void list_filtersByNameLabelDriverAndDangling(Engine engine) {
        // docker volume ls --filter label=… --filter dangling=true|false: a stopped container still uses its volume.
        String run = Names.unique("run");
        try (Volume free = engine.volume(Names.unique("berth-free")).label("berth.test.run", run).create();
             Volume used = engine.volume(Names.unique("berth-used")).label("berth.test.run", run).label("role", "db")
                     .create();
             Container c = engine.container(TestImages.BUSYBOX).volume(used.name(), "/data").command("true").create()) {
            assertThat(engine.volumes().label("berth.test.run", run).names())
                    .containsExactlyInAnyOrder(free.name(), used.name());
            assertThat(engine.volumes().label("berth.test.run", run).label("role", "db").volumes()).containsExactly(used);
            assertThat(engine.volumes().label("berth.test.run", run).dangling(true).names()).containsExactly(free.name());
            assertThat(engine.volumes().label("berth.test.run", run).dangling(false).names()).containsExactly(used.name());
            assertThat(engine.volumes().name(free.name()).driver("local").names()).containsExactly(free.name());
            assertThat(engine.volumes().find(used.name())).contains(used);
            assertThat(engine.volumes().ownSession().names()).contains(free.name(), used.name());
            c.remove();
        }
    }

    @Test
    void prune_removesOnlyUnusedSelectedVolumes_onApi141And145(Engine engine) {
        // docker volume prune --filter label=RUN --filter label!=keep. Engines from API 1.42 prune only anonymous
        // volumes unless --all; Berth asks for all, so both engines remove the same named volume.
        prunesTheSame(engine);
        try (Engine e26 = Engine.connect(EngineConfig.builder(Map.of())
                .host(System.getProperty("berth.engine26.host", "unix:///var/run/docker-26.sock"))
                .cleanupOnClose(true).build())) {
            TestImages.busybox(e26);
            prunesTheSame(e26);
            assertThat(e26.cleanup().isEmpty()).isTrue();
        }
    }

    private static void prunesTheSame(Engine engine) {
        String run = Names.unique("run");
        Volume drop = engine.volume(Names.unique("berth-drop")).label("berth.test.run", run).create();
        try (Volume kept = engine.volume(Names.unique("berth-kept")).label("berth.test.run", run).label(KEEP, "y")
                .create();
             Volume used = engine.volume(Names.unique("berth-used")).label("berth.test.run", run).create();
             Container c = engine.container(TestImages.BUSYBOX).volume(used.name(), "/data").command("true").create()) {
            PruneReport r = engine.volumes().label("berth.test.run", run).labelNot(KEEP).prune();
            assertThat(r.volumes()).as(engine.apiVersion()).containsExactly(drop.name());
            assertThat(drop.exists()).isFalse();
            assertThat(kept.exists()).isTrue();
            assertThat(used.exists()).isTrue();
            assertThatThrownBy(() -> engine.volumes().name("x").prune()).isInstanceOf(IllegalStateException.class);
            c.remove();
        } finally {
            drop.close();
        }
    }

    @Test
    void imageVolume_anonymousVolumeIsVisible_andRemovedWithTheContainer(Engine engine) {
        // An image's VOLUME makes an anonymous volume per container: docker volume ls shows it, docker rm -v removes
        // it with the container, docker rm leaves it dangling.
        String tag = "berth-test/with-volume:" + Names.unique("t");
        Image image = engine.build(BuildSpec.builder()
                .dockerfile("FROM " + TestImages.BUSYBOX + "\nVOLUME /data\n").tag(tag).build());
        try {
            Container first = engine.container(tag).command("sh", "-c", "echo x > /data/f").create();
            String anon = anonymousVolume(first);
            assertThat(engine.volumes().names()).contains(anon);
            assertThat(new Volume(engine, anon).containers()).containsExactly(first);
            first.remove(RemoveOption.VOLUMES);
            assertThat(new Volume(engine, anon).exists()).isFalse();

            Container second = engine.container(tag).command("true").create();
            String left = anonymousVolume(second);
            second.remove();
            Volume dangling = engine.volumes().get(left);
            assertThat(engine.volumes().dangling(true).names()).contains(left);
            dangling.remove();
            assertThat(dangling.exists()).isFalse();
        } finally {
            image.remove(dev.berth.image.ImageRemoveOption.FORCE);
        }
    }

    private static String anonymousVolume(Container c) {
        MountPoint m = c.inspect().mounts().stream().filter(p -> p.destination().equals("/data")).findFirst()
                .orElseThrow();
        assertThat(m.type()).isEqualTo("volume");
        assertThat(m.name()).matches("[0-9a-f]{64}");
        return m.name();
    }
}
