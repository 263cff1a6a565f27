package dev.berth.volume;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.Sh;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The single-host storage walkthrough of the seed, against the real engine. */
@ExtendWith(EngineExtension.class)
class StorageScenariosIT {

    @Test
    void namedVolume_dataSurvivesRemovingTheContainer_andIsThereInANewOne(Engine engine) {
        // The seed's MySQL persistence, with a writer and a reader: docker run -v data:/var/lib/db writer; docker rm;
        // docker run -v data:/var/lib/db reader sees the rows.
        try (Volume data = engine.volume(Names.unique("berth-db")).create()) {
            String name = Names.unique("writer");
            Container writer = engine.container(TestImages.BUSYBOX).name(name).volume(data.name(), "/var/lib/db")
                    .command("sh", "-c", "echo 'id=1 name=alice' > /var/lib/db/rows; echo 'id=2 name=bob' >> /var/lib/db/rows")
                    .create();
            writer.start();
            assertThat(writer.await(java.time.Duration.ofSeconds(30))).isZero();
            writer.remove();
            assertThat(engine.containers().all().name(name).ids()).isEmpty();
            assertThat(data.exists()).isTrue();

            String rows = Sh.run(engine.container(TestImages.BUSYBOX).volume(data.name(), "/var/lib/db"),
                    "cat /var/lib/db/rows").ok();
            assertThat(rows).isEqualTo("id=1 name=alice\nid=2 name=bob\n");
            assertThat(data.inspect().mountpoint().resolve("rows")).hasContent("id=1 name=alice\nid=2 name=bob");
        }
    }

    @Test
    void bindMount_showsHostFiles_andReadOnlyRefusesWrites(Engine engine, @TempDir Path dir) throws Exception {
        // docker run -v DIR:/host reads and writes the host's files; -v DIR:/host:ro refuses writes.
        Files.writeString(dir.resolve("config.txt"), "from the host\n");
        String rw = Sh.run(engine.container(TestImages.BUSYBOX).bind(dir, "/host"),
                "cat /host/config.txt; echo from-container > /host/out.txt").ok();
        assertThat(rw).isEqualTo("from the host\n");
        assertThat(dir.resolve("out.txt")).hasContent("from-container");

        Sh.Result ro = Sh.run(engine.container(TestImages.BUSYBOX).volume(dir + ":/host:ro"),
                "cat /host/config.txt; echo nope > /host/config.txt");
        assertThat(ro.exitCode()).isNotZero();
        assertThat(ro.output()).contains("from the host").contains("Read-only file system");
        assertThat(dir.resolve("config.txt")).hasContent("from the host");
    }

    @Test
    void localTmpfsVolume_mountsAsSizedTmpfs_andKeepsNothingBetweenUses(Engine engine) {
        // docker volume create --opt type=tmpfs --opt device=tmpfs --opt o=size=8m: a memory-backed volume, mounted
        // afresh for each use.
        try (Volume cache = engine.volume(Names.unique("berth-tmpfs")).option("type", "tmpfs")
                .option("device", "tmpfs").option("o", "size=8m").create()) {
            String first = Sh.run(engine.container(TestImages.BUSYBOX).volume(cache.name(), "/cache"),
                    "grep ' /cache ' /proc/mounts; echo scratch > /cache/f && cat /cache/f").ok();
            assertThat(first).startsWith("tmpfs /cache tmpfs rw").contains("size=8192k").endsWith("scratch\n");
            String second = Sh.run(engine.container(TestImages.BUSYBOX).volume(cache.name(), "/cache"),
                    "ls -A /cache | wc -l").ok();
            assertThat(second.trim()).isEqualTo("0");
        }
    }
}
