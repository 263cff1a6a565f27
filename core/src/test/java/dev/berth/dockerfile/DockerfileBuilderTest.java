package dev.berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileBuilderTest {

    @Test
    void build_multiStageGoExample_rendersExpectedText() {
        Dockerfile df = Dockerfile.builder()
                .from("golang:1.22").as("builder").workdir("/src").copy(".", ".").run("go build -o /app")
                .stage("final").from("scratch").copy().from("builder").src("/app").dest("/app").done()
                .entrypoint("/app")
                .build();
        assertThat(df.render()).isEqualTo("""
                FROM golang:1.22 AS builder
                WORKDIR /src
                COPY . .
                RUN go build -o /app
                FROM scratch AS final
                COPY --from=builder /app /app
                ENTRYPOINT ["/app"]
                """);
        assertThat(df.stages()).extracting(s -> s.name().orElseThrow()).containsExactly("builder", "final");
        assertThat(Dockerfile.parse(df.render())).isEqualTo(df);
    }

    @Test
    void build_everyInstructionAndFlag_roundTrips() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "My App");
        labels.put("version", "1.0");
        Dockerfile df = Dockerfile.builder()
                .syntax("docker/dockerfile:1.7").check("skip=JSONArgsRecommended")
                .comment("build stage").arg("GO_VERSION", "1.22")
                .from("golang:${GO_VERSION}").platform("$BUILDPLATFORM").as("build")
                .run().mount(Mount.cache("/go/pkg/mod").id("gomod").sharing(Mount.Sharing.LOCKED))
                .mount(Mount.secret("netrc").target("/root/.netrc")).network(NetworkMode.DEFAULT)
                .shell("go mod download").done()
                .run().heredoc("set -e\ngo build -o /out/app ./cmd/app").done()
                .blankLine()
                .from("alpine:3.20")
                .add().src("https://example.com/ca.pem").dest("/etc/ssl/ca.pem").checksum("sha256:abc").chmod("0644")
                .done()
                .copy().content("#!/bin/sh\nexec /app \"$@\"").dest("/entrypoint.sh").chmod("0755").link().done()
                .copy().from("build").src("/out/app").dest("/app").chown("10001:10001").exclude("*.map").done()
                .label(labels).env("APP_HOME", "/srv/my app").expose(8080).expose(ExposedPort.udp(53))
                .volume("/data").workdir("/srv").user("10001").stopSignal("SIGTERM").shell("/bin/sh", "-eo", "pipefail", "-c")
                .onbuild(Run.of("echo child build"))
                .healthcheck().interval(Duration.ofSeconds(30)).timeout(Duration.ofSeconds(3)).retries(3)
                .cmd("wget", "-qO-", "http://localhost:8080/health")
                .entrypoint("/entrypoint.sh").cmd("serve")
                .build();
        assertThat(Dockerfile.parse(df.render())).isEqualTo(df);
        assertThat(df.render()).contains("COPY --chmod=0755 --link <<EOF /entrypoint.sh\n#!/bin/sh\n")
                .contains("RUN <<EOF\nset -e\ngo build -o /out/app ./cmd/app\nEOF\n")
                .contains("ENV APP_HOME=\"/srv/my app\"");
    }

    @Test
    void toBuilder_appendsToACopy() {
        Dockerfile base = Dockerfile.builder().from("alpine:3.20").build();
        Dockerfile more = base.toBuilder().user("nobody").build();
        assertThat(base.instructions()).hasSize(1);
        assertThat(more.instructions()).containsExactly(From.of("alpine:3.20"), new User("nobody"));
    }

    @Test
    void misuse_failsFastWithAHint() {
        assertThatThrownBy(() -> Dockerfile.builder().from("a").workdir("/x").as("b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("from(image)");
        assertThatThrownBy(() -> Dockerfile.builder().stage("x").workdir("/x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stage(\"x\")");
        assertThatThrownBy(() -> Dockerfile.builder().from("a").copy().checksum("sha256:x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADD flag");
        assertThatThrownBy(() -> Dockerfile.builder().from("a").copy().src("x").done())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dest");
    }
}
