package dev.berth.image;

import dev.berth.Engine;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build context is streamed to the engine, never held whole in memory: a 300 MB context is sent by a JVM whose
 * whole heap is 64 MB, and the engine builds it (as {@code docker build} streams its context).
 */
@ExtendWith(EngineExtension.class)
class BuildContextUploadMemoryIT {
    private static final long SIZE = 300L * 1024 * 1024;

    @Test
    void build_streamsA300MegabyteContextFromA64MegabyteHeap(Engine engine, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\nLABEL berth.test=upload\n");
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
            sparse.setLength(SIZE);
        }
        String tag = "berth-test/upload:" + Names.unique("u");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                UploadBigContext.class.getName(), dir.toString(), tag).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", engine.config().host().toString());
        Process child = pb.start();
        try {
            assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(child.exitValue()).as(output).isZero();
            String[] lines = output.split("\n");
            assertThat(lines[lines.length - 1]).startsWith("sha256:");
            assertThat(engine.image(tag).inspect().labels()).containsEntry("berth.test", "upload");
        } finally {
            child.destroyForcibly();
            if (engine.image(tag).exists()) {
                engine.image(tag).remove(dev.berth.image.ImageRemoveOption.FORCE);
            }
        }
    }
}
