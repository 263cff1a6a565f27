package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.bench.ContextTree;
import dev.berth.image.bench.FakeEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real docker CLI (no engine needed): the tar that {@code DOCKER_BUILDKIT=0 docker
 * build} sends, caught by a stand-in engine, equals Berth's tar for the same tree entry by entry (name, order, type,
 * mode, uid/gid, link target, mtime, content). Pins the CLI's packing, except where the CLI prunes a directory that
 * a wildcard '!' pattern re-includes from (Berth sends those files, as BuildKit does).
 */
class BuildContextCliConformanceIT {
    private static FakeEngine engine;

    @BeforeAll
    static void startStandIn() throws IOException {
        engine = new FakeEngine(Path.of("/tmp/berth-conformance-" + ProcessHandle.current().pid() + ".sock"));
    }

    @AfterAll
    static void stopStandIn() throws IOException {
        engine.close();
    }

    @Test
    void benchmarkTree_sameTarAsDockerCli(@TempDir Path dir) throws Exception {
        ContextTree.generate(dir);

        byte[] cli = cliTar(dir);
        byte[] berth = berthTar(dir);

        assertThat(TarEntries.read(berth).entries()).isEqualTo(TarEntries.read(cli).entries());
        assertThat(berth).hasSameSizeAs(cli);
    }

    @Test
    void edgeCases_sameTarAsDockerCliExceptWildcardReinclude(@TempDir Path dir) throws Exception {
        edgeCases(dir);

        List<TarEntries.Entry> cli = TarEntries.read(cliTar(dir)).entries();
        List<TarEntries.Entry> berth = TarEntries.read(berthTar(dir)).entries();

        assertThat(berth).filteredOn(e -> !e.name().equals("vendor/lib/LICENSE")).isEqualTo(cli);
        assertThat(berth).extracting(TarEntries.Entry::name).contains("vendor/lib/LICENSE", "Dockerfile",
                ".dockerignore", "build/keep.txt", "logs/b.log", "hard2", "link").doesNotContain("secret", "a.log");
    }

    private static byte[] cliTar(Path dir) throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        engine.capture(tar);
        ProcessBuilder pb = new ProcessBuilder("docker", "build", "-q", "-t", "berth-conformance:cli", dir.toString())
                .redirectErrorStream(true);
        pb.environment().putAll(Map.of("DOCKER_BUILDKIT", "0", "DOCKER_HOST", "unix://" + engine.socket()));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        engine.capture(null);
        return tar.toByteArray();
    }

    private static byte[] berthTar(Path dir) {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        BuildContext.fromDirectory(dir).writeTo(tar);
        return tar.toByteArray();
    }

    private static void edgeCases(Path dir) throws IOException {
        write(dir, ".dockerignore", String.join("\n", "Dockerfile", ".dockerignore", "secret", "build",
                "!build/keep.txt", "**/tmp", "*.log", "vendor", "!vendor/**/LICENSE", ""));
        write(dir, "Dockerfile", "FROM scratch\n");
        write(dir, "a.log", "x");
        write(dir, "logs/b.log", "kept: '*' does not cross '/'");
        write(dir, "bin/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(dir, "bin/suid", "x");
        Files.setAttribute(dir.resolve("bin/suid"), "unix:mode", 04755);
        write(dir, "build/keep.txt", "k");
        write(dir, "build/other.txt", "o");
        Files.createDirectories(dir.resolve("empty"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("bin/run.sh"));
        write(dir, "hard1", "same");
        Files.createLink(dir.resolve("hard2"), dir.resolve("hard1"));
        write(dir, "l".repeat(120) + "/" + "m".repeat(80) + ".txt", "long");
        write(dir, "ünïcödé.txt", "u");
        write(dir, "secret", "s");
        write(dir, "x/tmp/junk", "j");
        write(dir, "vendor/lib/LICENSE", "MIT");
        write(dir, "vendor/lib/code.go", "package lib");
    }

    private static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
