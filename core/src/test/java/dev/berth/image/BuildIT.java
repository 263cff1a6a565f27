package dev.berth.image;

import dev.berth.Engine;
import dev.berth.ImageBuildException;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The minimal build the demo and the tests rely on: in-memory Dockerfile + files, a directory, a failing step. */
@ExtendWith(EngineExtension.class)
class BuildIT {

    @Test
    void build_inMemoryDockerfileAndFiles(Engine engine) {
        String tag = "berth-test/build:" + Names.unique("mem");
        List<String> output = new CopyOnWriteArrayList<>();
        Image image = engine.build(BuildSpec.builder()
                .dockerfile("FROM " + TestImages.BUSYBOX + "\nARG GREETING=hi\nCOPY hello.txt /hello.txt\n"
                        + "RUN echo \"$GREETING\" > /greeting\nLABEL purpose=test\nCMD [\"cat\", \"/hello.txt\", \"/greeting\"]\n")
                .file("hello.txt", "hello from memory\n")
                .buildArg("GREETING", "bonjour")
                .label("built-by", "BuildIT")
                .tag(tag)
                .output(output::add)
                .build());
        try {
            ImageInfo info = image.inspect();
            assertThat(info.tags()).contains(tag);
            assertThat(info.labels()).containsEntry("purpose", "test").containsEntry("built-by", "BuildIT")
                    .containsEntry("dev.berth.managed", "true");
            assertThat(output).anyMatch(l -> l.startsWith("Step 1/"));
            StringBuilder out = new StringBuilder();
            engine.container(tag).attached().output(l -> out.append(l.text()).append('\n')).run();
            assertThat(out).hasToString("hello from memory\nbonjour\n");
        } finally {
            image.remove(dev.berth.image.ImageRemoveOption.FORCE);
        }
    }

    @Test
    void build_withoutSessionLabel_keepsItsIdAcrossSessions(Engine engine) {
        // Labels are the legacy builder's last steps: with the session's label every session's build of unchanged
        // input is a new image; without it the second session's build is the first one's image, as with docker build.
        String tag = "berth-test/build:" + Names.unique("artifact");
        // FROM scratch: a base image built by Berth would pass its own session label down
        BuildSpec spec = BuildSpec.builder().dockerfile("FROM scratch\nCMD [\"true\"]\n")
                .label("built-by", tag).tag(tag).build();
        try (Engine other = Engine.connect(engine.config())) {
            String first = engine.build(spec.toBuilder().withoutSessionLabel().build()).id();
            String again = other.build(spec.toBuilder().withoutSessionLabel().build()).id();
            assertThat(again).isEqualTo(first);
            assertThat(engine.image(tag).inspect().labels()).containsEntry("dev.berth.managed", "true")
                    .doesNotContainKey("dev.berth.session");
            assertThat(engine.images().ownSession().list()).noneMatch(i -> i.id().equals(first));

            String labelled = other.build(spec).id();
            assertThat(labelled).isNotEqualTo(first);
            assertThat(other.image(labelled).inspect().labels()).containsEntry("dev.berth.session", other.sessionId());
        } finally {
            // the labelled image is the unlabelled one plus a label step: removing it by its tag removes both
            engine.image(tag).remove(dev.berth.image.ImageRemoveOption.FORCE);
        }
    }

    @Test
    void build_fromDirectoryWithDockerfileOutside(Engine engine, @TempDir Path dir) throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx/sub"));
        Files.writeString(context.resolve("data.txt"), "in a subdirectory\n");
        Path dockerfile = Files.writeString(dir.resolve("Other.Dockerfile"),
                "FROM " + TestImages.BUSYBOX + "\nCOPY sub/data.txt /data.txt\nCMD [\"cat\", \"/data.txt\"]\n");
        String tag = "berth-test/build:" + Names.unique("dir");
        Image image = engine.build(BuildSpec.builder().context(dir.resolve("ctx")).dockerfile(dockerfile).tag(tag).build());
        try {
            StringBuilder out = new StringBuilder();
            engine.container(tag).attached().output(l -> out.append(l.text())).run();
            assertThat(out).hasToString("in a subdirectory");
        } finally {
            image.remove(dev.berth.image.ImageRemoveOption.FORCE);
        }
    }

    @Test
    void build_failingStep_namesStepAndOutput(Engine engine) {
        assertThatThrownBy(() -> engine.build(BuildSpec.builder()
                .dockerfile("FROM " + TestImages.BUSYBOX + "\nRUN echo about-to-fail && exit 9\n")
                .tag("berth-test/build:" + Names.unique("fail")).build()))
                .isInstanceOfSatisfying(ImageBuildException.class, e -> {
                    // The legacy builder counts the label step Berth adds, so the total is the engine's.
                    assertThat(e.step()).startsWith("Step 2/").endsWith(" : RUN echo about-to-fail && exit 9");
                    assertThat(e.output()).contains("about-to-fail");
                    assertThat(e.getMessage()).contains("returned a non-zero code: 9");
                });
    }
}
