package dev.berth.examples.support;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.image.ImageInfo;
import dev.berth.image.ImageRemoveOption;
import dev.berth.testing.Names;
import dev.berth.testing.TestRegistries;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Debian base on the real engine, made cold whatever the engine already caches: debootstrap, import, a shell that
 * runs, apt configured like the official Debian images and no package lists left in the image; and the alternative
 * of a ready image named by BERTH_EXAMPLES_BASE, pulled with per-layer progress.
 */
class DebianBaseIT {

    @Test
    void make_debootstrapsAndImportsABookwormBase_withoutAptListsAndWithTheInputsLabel() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = Console.plain(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String reference = "berth-it/debian:" + Names.unique("cold");
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            try {
                DebianBase.make(engine, console, DebianBase.mirror(), reference, "test-hash");
                assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("I: Retrieving packages…")
                        .containsPattern("debootstrap: \\d+ packages installed")
                        .containsPattern("Imported " + reference + " \\(\\d+(\\.\\d+)?MB of root file system\\)");
                ImageInfo info = engine.image(reference).inspect();
                assertThat(info.labels()).containsEntry(DebianImages.INPUTS_LABEL, "test-hash");
                StringBuilder out = new StringBuilder();
                int code = engine.container(reference).command("sh", "-c", "cat /etc/debian_version;"
                                + " ls /etc/apt/apt.conf.d; ls /var/lib/apt/lists | grep -c _Packages || true")
                        .attached().output(l -> out.append(l.text()).append('\n')).run();
                assertThat(code).isZero();
                assertThat(out.toString()).startsWith("12.").contains("docker-clean").contains("docker-no-languages")
                        .endsWith("\n0\n");
            } finally {
                if (engine.image(reference).exists()) {
                    engine.image(reference).remove(ImageRemoveOption.FORCE);
                }
            }
        }
    }

    @Test
    void override_pullsTheNamedImageWithPerLayerProgress() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = Console.plain(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            // A bookworm image with one layer the engine will lack once the local copy is removed: the pull then
            // downloads that layer and finds the base's.
            String remote = TestRegistries.plain() + "/berth-it/debian:" + Names.unique("base");
            Image built = engine.build(BuildSpec.builder().dockerfile("FROM " + DebianImages.on(engine, console).base()
                    + "\nRUN echo " + remote + " > /pulled-from\n").tag(remote).build());
            String id = built.id();
            built.push();
            built.remove();
            bytes.reset();
            try {
                assertThat(DebianBase.ensure(engine, console, " " + remote + " ")).isEqualTo(remote);
                assertThat(engine.image(remote).id()).isEqualTo(id);
                assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Pulling " + remote + "\n")
                        .containsPattern("[0-9a-f]{12}: Already exists").containsPattern("[0-9a-f]{12}: Pull complete")
                        .contains("Status: Downloaded newer image for " + remote);
                bytes.reset();
                DebianBase.ensure(engine, console, remote);
                assertThat(bytes.toString(StandardCharsets.UTF_8)).as("present: no pull").isEmpty();
            } finally {
                engine.image(remote).remove();
            }
        }
    }
}
