package dev.berth.image;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.dockerfile.Command;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.internal.EngineAccess;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's Dockerfile lessons, adapted to a busybox base, written with Berth's Dockerfile model, built and run on
 * the real engine. Each test pins what {@code docker build} / {@code docker run} show for the same Dockerfile.
 */
@ExtendWith(EngineExtension.class)
class SeedScenariosIT {
    private final List<Image> built = new ArrayList<>();

    @AfterEach
    void removeImages() {
        built.forEach(i -> i.remove(dev.berth.image.ImageRemoveOption.FORCE));
    }

    private Image build(Engine e, Dockerfile df, String... buildArgs) {
        BuildSpec.Builder b = BuildSpec.builder().dockerfile(df).file("busybox", TestImages.BUSYBOX_BINARY)
                .tag("berth-test/seed:" + Names.unique("s"));
        for (int i = 0; i < buildArgs.length; i += 2) {
            b.buildArg(buildArgs[i], buildArgs[i + 1]);
        }
        Image image = e.build(b.build());
        built.add(image);
        return image;
    }

    private static String run(Engine e, Image image, String... command) {
        StringBuilder out = new StringBuilder();
        ContainerSpec.Builder b = e.container(image.reference());
        if (command.length > 0) {
            b.command(command);
        }
        int code = b.attached().output(l -> out.append(l.text()).append('\n')).run();
        assertThat(code).as("exit code; output %s", out).isZero();
        return out.toString();
    }

    @Test
    void fromScratch_helloProgram(Engine e) {
        Image hello = build(e, Dockerfile.builder().from("scratch")
                .copy("busybox", "/bin/busybox")
                .cmd("/bin/busybox", "echo", "Hello from a FROM scratch image")
                .build());
        assertThat(run(e, hello)).isEqualTo("Hello from a FROM scratch image\n");
        assertThat(hello.inspect().sizeBytes()).isLessThan(3_000_000);
    }

    @Test
    void multiStage_finalImageIsMuchSmallerThanBuilder(Engine e) {
        Dockerfile df = Dockerfile.builder()
                .stage("builder").from(TestImages.BUSYBOX)
                .run("mkdir -p /src && dd if=/dev/urandom of=/src/toolchain.bin bs=1M count=20 2>/dev/null"
                        + " && echo 'built artifact' > /src/app.txt")
                .from("scratch")
                .copy("busybox", "/bin/busybox")
                .copy().from("builder").src("/src/app.txt").dest("/app.txt").done()
                .cmd("/bin/busybox", "cat", "/app.txt")
                .build();
        Image finalImage = build(e, df);
        assertThat(run(e, finalImage)).isEqualTo("built artifact\n");
        // The builder stage carries the 20 MB toolchain; the final image only busybox and the artifact.
        Image builderStage = e.build(BuildSpec.builder().dockerfile(df).file("busybox", TestImages.BUSYBOX_BINARY)
                .target("builder").tag("berth-test/seed:" + Names.unique("builder")).build());
        built.add(builderStage);
        assertThat(builderStage.inspect().sizeBytes()).isGreaterThan(20_000_000);
        assertThat(finalImage.inspect().sizeBytes()).isLessThan(builderStage.inspect().sizeBytes() / 5);
    }

    @Test
    void argIsBuildTimeOnly_envIsKeptInTheContainer(Engine e) {
        Image image = build(e, Dockerfile.builder().from(TestImages.BUSYBOX)
                .arg("APP_VERSION", "1.0")
                .env("APP_MODE", "production")
                .run("echo \"version=$APP_VERSION\" > /build-info")
                .cmd("sh", "-c", "cat /build-info; echo \"mode=$APP_MODE\"; echo \"arg-at-runtime=${APP_VERSION:-unset}\"")
                .build(), "APP_VERSION", "2.5");
        assertThat(run(e, image)).isEqualTo("version=2.5\nmode=production\narg-at-runtime=unset\n");
        assertThat(image.inspect().env()).contains("APP_MODE=production").noneMatch(v -> v.startsWith("APP_VERSION"));
    }

    @Test
    void cmdEntrypointAndBoth_behaveAsTheSeedShows(Engine e) {
        Image cmdOnly = build(e, Dockerfile.builder().from(TestImages.BUSYBOX).cmd("echo", "Hello").build());
        assertThat(run(e, cmdOnly)).isEqualTo("Hello\n");
        assertThat(run(e, cmdOnly, "echo", "Bye")).isEqualTo("Bye\n");               // arguments replace CMD

        Image entryOnly = build(e, Dockerfile.builder().from(TestImages.BUSYBOX).entrypoint("echo", "Hello").build());
        assertThat(run(e, entryOnly)).isEqualTo("Hello\n");
        assertThat(run(e, entryOnly, "Bye")).isEqualTo("Hello Bye\n");              // arguments append to ENTRYPOINT

        Image both = build(e, Dockerfile.builder().from(TestImages.BUSYBOX).entrypoint("echo")
                .cmd("Hello").build());
        assertThat(run(e, both)).isEqualTo("Hello\n");                               // CMD gives default arguments
        assertThat(run(e, both, "Bye")).isEqualTo("Bye\n");                          // which arguments replace

        Image shellForm = build(e, Dockerfile.builder().from(TestImages.BUSYBOX)
                .entrypoint(Command.shell("echo from-shell-form")).cmd("ignored").build());
        assertThat(run(e, shellForm, "also-ignored")).isEqualTo("from-shell-form\n"); // shell form ignores CMD and args
    }

    @Test
    void nonRootUser_processRunsWithThatUid(Engine e) {
        Image image = build(e, Dockerfile.builder().from(TestImages.BUSYBOX)
                // busybox-static has no adduser; this is what adduser -D -u 1234 would write.
                .run("echo 'appuser:x:1234:1234::/home/appuser:/bin/sh' >> /etc/passwd"
                        + " && echo 'appuser:x:1234:' >> /etc/group && mkdir -p /home/appuser && chown 1234:1234 /home/appuser")
                .user("appuser")
                .workdir("/home/appuser")
                .cmd("sh", "-c", "id -u; id -un; pwd")
                .build());
        assertThat(run(e, image)).isEqualTo("1234\nappuser\n/home/appuser\n");
        assertThat(image.inspect().user()).isEqualTo("appuser");
    }

    @Test
    void exposeAndHealthcheck_areInTheImageConfig(Engine e) {
        Image image = build(e, Dockerfile.builder().from(TestImages.BUSYBOX)
                .expose(80)
                .healthcheck().interval(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(2)).retries(4)
                .cmd(Command.shell("wget -q -O /dev/null http://127.0.0.1/ || exit 1"))
                .cmd("httpd", "-f", "-p", "80", "-h", "/")
                .build());
        ImageInfo info = image.inspect();
        assertThat(info.exposedPorts()).containsExactly("80/tcp");
        assertThat(info.healthCheck()).contains(List.of("CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1/ || exit 1"));
        var raw = dev.berth.internal.RawApi.call(EngineAccess.connection(e), "GET", "/images/" + info.id() + "/json", null).json()
                .path("Config").path("Healthcheck");
        assertThat(raw.path("Interval").asLong()).isEqualTo(5_000_000_000L);
        assertThat(raw.path("Retries").asInt()).isEqualTo(4);
    }

    @Test
    void commit_capturesAChangedContainer(Engine e) {
        try (Container c = e.container(TestImages.BUSYBOX).command("sleep", "60").detached().run()) {
            c.exec("sh", "-c", "echo 'added at runtime' > /note.txt").run();
            Image committed = c.commit("berth-test/seed:" + Names.unique("commit"));
            built.add(committed);
            StringBuilder out = new StringBuilder();
            e.container(committed.reference()).command("cat", "/note.txt").attached()
                    .output(l -> out.append(l.text())).run();
            assertThat(out).hasToString("added at runtime");
        }
    }
}
