package dev.berth.image;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing a context as {@code docker build} does, read back with an independent tar reader. */
class BuildContextTest {
    @TempDir
    Path dir;

    @Test
    void writeTo_packsExactlyWhatDockerWouldSend() throws IOException {
        write(".dockerignore", "node_modules\n**/*.log\n**/tmp\n!node_modules/keep/package.json\n");
        write("Dockerfile", "FROM scratch\n");
        write("app.log", "x");
        write("bin/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x--x"));
        Files.createDirectories(dir.resolve("empty"));
        write("logs/x.log", "x");
        write("node_modules/a/index.js", "x");
        write("node_modules/keep/package.json", "{}");
        write("node_modules/keep/other.js", "x");
        write("src/main.js", "main");
        write("sub/tmp/junk", "x");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("src/main.js"));
        Files.setLastModifiedTime(dir.resolve("src/main.js"), FileTime.from(Instant.ofEpochSecond(1_700_000_000, 9)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String dockerfile = BuildContext.fromDirectory(dir).writeTo(out);
        TarEntries tar = TarEntries.read(out.toByteArray());

        assertThat(dockerfile).isEqualTo("Dockerfile");
        assertThat(tar.names()).containsExactly(".dockerignore", "Dockerfile", "bin/", "bin/run.sh", "empty/", "link",
                "logs/", "node_modules/keep/package.json", "src/", "src/main.js", "sub/");
        assertThat(tar.get("bin/run.sh").mode()).isEqualTo(0751);
        assertThat(tar.get("src/main.js")).extracting(e -> e.mode(), e -> e.mtime(), e -> e.content())
                .containsExactly(0644, 1_700_000_000L, "main");
        assertThat(tar.get("link")).extracting(e -> e.type(), e -> e.linkName()).containsExactly('2', "src/main.js");
        assertThat(tar.get("empty/").type()).isEqualTo('5');
        assertThat(tar.entries()).allSatisfy(e -> assertThat(e.uid() + e.gid()).isZero());
    }

    @Test
    void writeTo_isDeterministic() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("a/b/c.txt", "c");

        assertThat(pack(BuildContext.fromDirectory(dir))).isEqualTo(pack(BuildContext.fromDirectory(dir)));
    }

    @Test
    void dockerfileAndDockerignoreExcluded_areStillSent() throws IOException {
        write(".dockerignore", "*\n");
        write("Dockerfile", "FROM scratch\n");
        write("src/main.js", "x");

        assertThat(TarEntries.read(pack(BuildContext.fromDirectory(dir))).names())
                .containsExactly(".dockerignore", "Dockerfile");
    }

    @Test
    void dockerfileInExcludedDirectory_isSentAlone() throws IOException {
        write(".dockerignore", "build\n");
        write("build/Dockerfile", "FROM scratch\n");
        write("build/secret", "x");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String dockerfile = BuildContext.fromDirectory(dir).dockerfile(dir.resolve("build/Dockerfile")).writeTo(out);

        assertThat(dockerfile).isEqualTo("build/Dockerfile");
        assertThat(TarEntries.read(out.toByteArray()).names()).containsExactly(".dockerignore", "build/Dockerfile");
    }

    @Test
    void reincludeUnderExcludedDirectory_withWildcard() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("node_modules/x/package.json", "{}");
        write("node_modules/x/index.js", "x");

        TarEntries tar = TarEntries.read(pack(BuildContext.fromDirectory(dir)
                .ignore(DockerIgnore.of("node_modules", "!**/package.json"))));

        assertThat(tar.names()).containsExactly("Dockerfile", "node_modules/x/package.json");
    }

    @Test
    void dockerfileOutsideContext_isSentUnderGeneratedNameThatDockerignoreLists(@TempDir Path elsewhere)
            throws IOException {
        write(".dockerignore", "*.tmp");
        write("a.txt", "a");
        Path dockerfile = Files.writeString(elsewhere.resolve("Dockerfile.prod"), "FROM scratch\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = BuildContext.fromDirectory(dir).dockerfile(dockerfile).writeTo(out);
        TarEntries tar = TarEntries.read(out.toByteArray());

        assertThat(name).matches("\\.dockerfile\\.[0-9a-f]{20}");
        assertThat(tar.names()).containsExactly("a.txt", name, ".dockerignore");
        assertThat(tar.get(name)).extracting(e -> e.mode(), e -> e.content()).containsExactly(0600, "FROM scratch\n");
        assertThat(tar.get(".dockerignore").content()).isEqualTo("*.tmp\n" + name + "\n");
    }

    @Test
    void dockerfileSpecificIgnoreFile_winsOverContextIgnore() throws IOException {
        write(".dockerignore", "a.txt\n");
        write("Dockerfile.dockerignore", "b.txt\n");
        write("Dockerfile", "FROM scratch\n");
        write("a.txt", "a");
        write("b.txt", "b");

        assertThat(TarEntries.read(pack(BuildContext.fromDirectory(dir))).names())
                .containsExactly(".dockerignore", "Dockerfile", "Dockerfile.dockerignore", "a.txt");
    }

    @Test
    void withFile_addsInMemoryAndHostFilesAndReplacesContextFiles(@TempDir Path elsewhere) throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("conf/app.yml", "old");
        Path host = Files.writeString(elsewhere.resolve("ca.pem"), "pem");

        TarEntries tar = TarEntries.read(pack(BuildContext.fromDirectory(dir)
                .withFile("conf/app.yml", "new".getBytes(UTF_8), 0640)
                .withFile("certs/ca.pem", host)));

        assertThat(tar.names()).containsExactly("Dockerfile", "conf/", "certs/ca.pem", "conf/app.yml");
        assertThat(tar.get("conf/app.yml")).extracting(e -> e.mode(), e -> e.content()).containsExactly(0640, "new");
        assertThat(tar.get("certs/ca.pem").content()).isEqualTo("pem");
    }

    @Test
    void empty_withDockerfileText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = BuildContext.empty().dockerfileText("FROM scratch\n")
                .withFile("a.txt", "a".getBytes(UTF_8), 0644).writeTo(out);

        assertThat(TarEntries.read(out.toByteArray()).names()).containsExactly(name, ".dockerignore", "a.txt");
    }

    @Test
    void longAndNonAsciiNames_survive() throws IOException {
        String deep = "d".repeat(90) + "/" + "e".repeat(90) + "/" + "f".repeat(120) + ".txt";
        write("Dockerfile", "FROM scratch\n");
        write(deep, "deep");
        write("ünïcödé/ファイル.txt", "u");
        Files.createSymbolicLink(dir.resolve("longlink"), Path.of(deep));

        TarEntries tar = TarEntries.read(pack(BuildContext.fromDirectory(dir)));

        assertThat(tar.get(deep).content()).isEqualTo("deep");
        assertThat(tar.get("ünïcödé/ファイル.txt").content()).isEqualTo("u");
        assertThat(tar.get("longlink").linkName()).isEqualTo(deep);
    }

    @Test
    void hardLinks_areStoredAsLinksToTheFirstCopy() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("a.bin", "same");
        Files.createLink(dir.resolve("b.bin"), dir.resolve("a.bin"));

        TarEntries tar = TarEntries.read(pack(BuildContext.fromDirectory(dir)));

        assertThat(tar.get("a.bin").content()).isEqualTo("same");
        assertThat(tar.get("b.bin")).extracting(e -> e.type(), e -> e.linkName()).containsExactly('1', "a.bin");
    }

    @Test
    void compress_gzipsTheArchive() throws IOException {
        write("Dockerfile", "FROM scratch\n");

        assertThat(TarEntries.gunzip(pack(BuildContext.fromDirectory(dir).compress())).names())
                .containsExactly("Dockerfile");
    }

    @Test
    void open_streamsTheSameBytesAsWriteTo() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("big.bin", "x".repeat(1_000_000));

        try (ContextStream stream = BuildContext.fromDirectory(dir).open()) {
            assertThat(stream.dockerfile()).isEqualTo("Dockerfile");
            assertThat(stream.readAllBytes()).isEqualTo(pack(BuildContext.fromDirectory(dir)));
        }
    }

    @Test
    void open_propagatesPackingFailuresToTheReader() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        BuildContext context = BuildContext.fromDirectory(dir).withFile("gone.txt", dir.resolve("missing.txt"));

        try (InputStream stream = context.open()) {
            assertThatThrownBy(stream::readAllBytes).isInstanceOf(IOException.class)
                    .hasCauseInstanceOf(BerthException.class).hasMessageContaining("missing.txt");
        }
    }

    @Test
    void open_closeStopsThePacker() throws Exception {
        write("Dockerfile", "FROM scratch\n");
        write("big.bin", "x".repeat(5_000_000));

        try (InputStream stream = BuildContext.fromDirectory(dir).open()) {
            assertThat(stream.read(new byte[1000])).isPositive();
        }

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("berth-build-context") && t.isAlive());
    }

    @Test
    void missingDockerfile_saysWhatToDo() {
        assertThatThrownBy(() -> BuildContext.fromDirectory(dir).writeTo(new ByteArrayOutputStream()))
                .isInstanceOf(BerthException.class).hasMessageContaining("No Dockerfile in");
    }

    @Test
    void withFile_refusesPathsOutsideTheContext() {
        assertThatThrownBy(() -> BuildContext.empty().withFile("../x", new byte[0], 0644))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"../x\"");
        assertThatThrownBy(() -> BuildContext.empty().withFile("x", new byte[0], 010000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] pack(BuildContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.writeTo(out);
        return out.toByteArray();
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, UTF_8);
    }
}
