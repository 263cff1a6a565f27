package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context is streamed: a 300 MB file packs in a JVM whose whole heap is 24 MB. */
class BuildContextMemoryTest {
    private static final long SIZE = 300L * 1024 * 1024;

    @Test
    void open_streamsA300MegabyteFileThroughA24MegabyteHeap(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
            sparse.setLength(SIZE);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                PackToNull.class.getName(), dir.toString()).redirectErrorStream(true).start();

        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(Long.parseLong(output)).isGreaterThan(SIZE);
    }
}
