package dev.berth.examples;

import dev.berth.compose.Compose;
import dev.berth.compose.LoadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ComposeConfig example as a program: its flags, its output and its exit status on a bad file. */
class ComposeConfigTest {
    private static final String YAML = """
            name: cfg
            services:
              web:
                image: nginx:${TAG:-1.25}
                networks: [front]
                volumes: [data:/data]
              worker:
                build: ./worker
                profiles: [batch]
              admin:
                image: adminer
                profiles: [debug]
            networks:
              front: {}
            volumes:
              data: {}
            """;

    record Run(int code, String out, String err) {
    }

    private static Run run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ComposeConfig.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("COMPOSE_FILE");
        pb.environment().remove("COMPOSE_PROFILES");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void formatJson_printsWhatTheLoaderProduces(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("compose.yaml"), YAML);
        Run r = run(dir, "-f", f.toString(), "--profile", "batch", "config", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        String expected = Compose.load(LoadOptions.builder().file(f).profile("batch")
                .environment(Map.of()).build()).toJson();
        assertThat(r.out()).isEqualTo(expected);
    }

    /** Pinned to Docker Compose v2.26.1: names sorted, images by service name, unused volumes not listed. */
    @Test
    void listingFlags_printSortedNames_likeDockerComposeConfig(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), YAML);

        assertThat(run(dir, "config", "--services").out()).isEqualTo("web\n");
        assertThat(run(dir, "--profile", "batch", "config", "--services").out()).isEqualTo("web\nworker\n");
        assertThat(run(dir, "config", "--volumes").out()).isEqualTo("data\n");
        assertThat(run(dir, "config", "--profiles").out()).isEqualTo("batch\ndebug\n");
        assertThat(run(dir, "--profile", "batch", "config", "--images").out()).isEqualTo("nginx:1.25\ncfg-worker\n");
    }

    @Test
    void quietAndOutput(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), YAML);
        Run quiet = run(dir, "config", "-q");
        assertThat(quiet.code()).isZero();
        assertThat(quiet.out()).isEmpty();

        Path target = dir.resolve("out.yaml");
        Run written = run(dir, "config", "-o", target.toString());
        assertThat(written.out()).isEmpty();
        assertThat(Files.readString(target)).contains("name: cfg").contains("image: nginx:1.25");
    }

    @Test
    void aBadFile_exits15_withFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n    ports: 80\n");
        Run r = run(dir, "config", "-q");

        assertThat(r.code()).isEqualTo(15);
        assertThat(r.err()).startsWith(f + ":4:");
    }
}
