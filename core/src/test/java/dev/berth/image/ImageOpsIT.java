package dev.berth.image;

import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.ImageNotFoundException;
import dev.berth.Labels;
import dev.berth.container.Container;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tag, inspect, history, images (filters), rmi (force, no-prune), save/load, import and prune on a real engine. */
@ExtendWith(EngineExtension.class)
class ImageOpsIT {
    private static final String RUN_LABEL = "dev.berth.test.run";
    private String run;
    private Engine engine;

    @BeforeEach
    void setUp(Engine engine) {
        this.engine = engine;
        this.run = Names.unique("ops");
    }

    @AfterEach
    void removeWhatThisTestMade() {
        engine.images().label(RUN_LABEL, run).remove(ImageRemoveOption.FORCE);
    }

    private Image build(String tag, String... runLines) {
        StringBuilder df = new StringBuilder("FROM " + TestImages.BUSYBOX + "\n");
        for (String r : runLines) {
            df.append("RUN ").append(r).append('\n');
        }
        BuildSpec.Builder b = BuildSpec.builder().dockerfile(df.toString()).label(RUN_LABEL, run);
        if (tag != null) {
            b.tag(tag);
        }
        return engine.build(b.build());
    }

    private String tag(String name) {
        return "berth-test/" + run + "-" + name + ":1";
    }

    @Test
    void tagAndInspect_asDockerTagAndImageInspect() {
        Image image = build(tag("a"), "echo a > /a");
        Image other = image.tag("berth-test/" + run + "-b");
        assertThat(other.reference()).isEqualTo("berth-test/" + run + "-b:latest");
        ImageInfo info = other.inspect();
        assertThat(info.id()).isEqualTo(image.id());
        assertThat(info.tags()).containsExactlyInAnyOrder(tag("a"), other.reference());
        assertThat(info.os()).isEqualTo("linux");
        assertThat(info.architecture()).isNotEmpty();
        assertThat(info.parentId()).startsWith("sha256:");
        assertThat(info.labels()).containsEntry(RUN_LABEL, run).containsEntry(Labels.MANAGED, "true");
        assertThatThrownBy(() -> image.tag("x@sha256:" + "0".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.image("berth-test/none-" + run + ":1").inspect())
                .isInstanceOf(ImageNotFoundException.class);
    }

    @Test
    void history_listsEachStepNewestFirst_asDockerHistory() {
        Image image = build(tag("h"), "echo first > /first", "echo second > /second");
        List<HistoryEntry> history = image.history();
        assertThat(history.get(0).id()).contains(image.id());
        assertThat(history.get(0).tags()).contains(tag("h"));
        List<String> steps = history.stream().map(HistoryEntry::createdBy).toList();
        int second = indexContaining(steps, "echo second > /second");
        int first = indexContaining(steps, "echo first > /first");
        assertThat(second).isLessThan(first);
        assertThat(history.get(history.size() - 1).createdBy()).contains("COPY");
    }

    private static int indexContaining(List<String> list, String text) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not in " + list);
    }

    @Test
    void list_filtersByLabelReferenceAndDangling_asDockerImagesFilter() {
        Image a = build(tag("list-a"), "echo a");
        Image b = build(tag("list-b"), "echo b");
        Image before = build(tag("list-c"), "echo old");
        String oldId = before.id();
        build(tag("list-c"), "echo new");   // the old list-c becomes dangling
        assertThat(engine.images().label(RUN_LABEL, run).ids()).hasSize(4).contains(a.id(), b.id(), oldId);
        assertThat(engine.images().reference("berth-test/" + run + "-list-a").list())
                .singleElement().satisfies(s -> assertThat(s.tags()).containsExactly(tag("list-a")));
        assertThat(engine.images().reference("berth-test/" + run + "-list-*").ids()).hasSize(3);
        List<ImageSummary> dangling = engine.images().dangling().label(RUN_LABEL, run).list();
        assertThat(dangling).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(oldId);
            assertThat(s.isDangling()).isTrue();
        });
        assertThat(engine.images().find(tag("list-a"))).contains(engine.image(tag("list-a")));
        assertThat(engine.images().find("berth-test/none-" + run)).isEmpty();
    }

    @Test
    void remove_noPruneKeepsUntaggedParents_pruneRemovesThem_asDockerRmi() {
        Image image = build(tag("rm"), "echo one > /one", "echo two > /two");
        String parent = image.inspect().parentId();
        RemovedImages kept = engine.image(tag("rm")).remove(ImageRemoveOption.NO_PRUNE);
        assertThat(kept.untagged()).containsExactly(tag("rm"));
        assertThat(kept.deleted()).hasSize(1);
        assertThat(engine.image(parent).exists()).isTrue();

        Image again = build(tag("rm2"), "echo three > /three", "echo four > /four");
        String parent2 = again.inspect().parentId();
        RemovedImages pruned = again.remove();
        assertThat(pruned.deleted()).contains(parent2).hasSizeGreaterThan(1);
        assertThat(engine.image(parent2).exists()).isFalse();
        engine.image(parent).remove();
    }

    @Test
    void remove_imageInUseOrWithSeveralTags_needsForce_asDockerRmiF() {
        Image image = build(tag("force"), "echo f");
        String id = image.id();
        image.tag(tag("force2"));
        assertThatThrownBy(() -> engine.image(id).remove()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("force");
        engine.image(tag("force2")).remove();
        try (Container c = engine.container(tag("force")).command("true").create()) {
            assertThatThrownBy(() -> engine.image(tag("force")).remove()).isInstanceOf(ConflictException.class);
            RemovedImages forced = engine.image(tag("force")).remove(ImageRemoveOption.FORCE);
            assertThat(forced.untagged()).contains(tag("force"));
            c.remove();
        }
        // A forced removal of an image in use only untags it; the container keeps it alive until removed.
        engine.images().find(id).ifPresent(i -> i.remove(ImageRemoveOption.FORCE));
    }

    @Test
    void saveManyThenLoad_restoresTagsAndIds_asDockerSaveAndLoad(@TempDir Path dir) throws IOException {
        Image a = build(tag("save-a"), "echo a > /a");
        Image b = build(tag("save-b"), "echo b > /b");
        String idA = a.id();
        String idB = b.id();
        Path tar = dir.resolve("images.tar");
        engine.images().reference("berth-test/" + run + "-save-*").save(tar);
        assertThat(tarNames(Files.newInputStream(tar))).contains("manifest.json", "repositories");
        a.remove();
        b.remove();
        assertThat(a.exists()).isFalse();
        List<Image> loaded = engine.images().load(tar);
        assertThat(loaded).extracting(Image::reference).containsExactlyInAnyOrder(tag("save-a"), tag("save-b"));
        assertThat(engine.image(tag("save-a")).id()).isEqualTo(idA);
        assertThat(engine.image(tag("save-b")).id()).isEqualTo(idB);
        assertThat(dir.resolve("images.tar.part")).doesNotExist();
    }

    @Test
    void saveOneToStream_andLoadFromStream() {
        Image a = build(tag("stream"), "echo s > /s");
        String id = a.id();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.save(out);
        a.remove();
        List<Image> loaded = engine.images().load(new ByteArrayInputStream(out.toByteArray()));
        assertThat(loaded).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(id));
    }

    @Test
    void saveMissingImage_isImageNotFound_andLeavesNoFile(@TempDir Path dir) {
        Path tar = dir.resolve("x.tar");
        assertThatThrownBy(() -> engine.image("berth-test/none-" + run + ":1").save(tar))
                .isInstanceOf(ImageNotFoundException.class);
        assertThat(tar).doesNotExist();
        assertThat(dir.resolve("x.tar.part")).doesNotExist();
    }

    @Test
    void loadOfNonArchive_failsSayingWhatIsExpected() {
        assertThatThrownBy(() -> engine.images().load(new ByteArrayInputStream("not a tar".getBytes())))
                .hasMessageContaining("docker save");
    }

    @Test
    void importRootfsTar_givesARunnableLabelledImage_asDockerImport(@TempDir Path dir) throws IOException {
        Path tar = dir.resolve("rootfs.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tar));
             TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            TarArchiveEntry bin = new TarArchiveEntry("bin/");
            bin.setMode(040755);
            t.putArchiveEntry(bin);
            t.closeArchiveEntry();
            TarArchiveEntry busybox = new TarArchiveEntry("bin/busybox");
            busybox.setMode(0100755);
            busybox.setSize(Files.size(TestImages.BUSYBOX_BINARY));
            t.putArchiveEntry(busybox);
            Files.copy(TestImages.BUSYBOX_BINARY, t);
            t.closeArchiveEntry();
            TarArchiveEntry sh = new TarArchiveEntry("bin/sh", TarArchiveEntry.LF_SYMLINK);
            sh.setLinkName("busybox");
            t.putArchiveEntry(sh);
            t.closeArchiveEntry();
            TarArchiveEntry echo = new TarArchiveEntry("bin/echo", TarArchiveEntry.LF_SYMLINK);
            echo.setLinkName("busybox");
            t.putArchiveEntry(echo);
            t.closeArchiveEntry();
        }
        Image image = engine.images().importImage(tar, tag("imported"), ImportOptions.defaults()
                .change("CMD [\"/bin/sh\", \"-c\", \"echo imported $MODE\"]").change("ENV MODE=rootfs")
                .change("LABEL " + RUN_LABEL + "=" + run).message("from a rootfs tar"));
        ImageInfo info = image.inspect();
        assertThat(info.parentId()).isEmpty();
        assertThat(info.labels()).containsEntry(Labels.MANAGED, "true").containsEntry(Labels.SESSION,
                engine.sessionId()).containsEntry(RUN_LABEL, run);
        assertThat(image.history()).singleElement().satisfies(h -> assertThat(h.comment()).isEqualTo("from a rootfs tar"));
        StringBuilder out = new StringBuilder();
        int code = engine.container(tag("imported")).attached().output(l -> out.append(l.text())).run();
        assertThat(code).isZero();
        assertThat(out.toString().trim()).isEqualTo("imported rootfs");
    }

    @Test
    void prune_danglingThenAll_limitedByLabel_asDockerImagePrune() {
        Image keep = build(tag("prune"), "echo old");
        String dangling = keep.id();
        Image current = build(tag("prune"), "echo new");
        RemovedImages first = engine.images().label(RUN_LABEL, run).prune();
        assertThat(first.deleted()).contains(dangling);
        assertThat(current.exists()).isTrue();
        RemovedImages second = engine.images().label(RUN_LABEL, run).pruneAll();
        assertThat(second.untagged()).contains(tag("prune"));
        assertThat(current.exists()).isFalse();
        assertThat(engine.image(TestImages.BUSYBOX).exists()).isTrue();
        assertThatThrownBy(() -> engine.images().reference("x").prune()).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> tarNames(InputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = t.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
