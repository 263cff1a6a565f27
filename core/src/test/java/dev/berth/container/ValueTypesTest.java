package dev.berth.container;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing of the docker CLI's flag syntaxes: -p, -v, --restart, --memory, --env-file. */
class ValueTypesTest {

    @Test
    void publish_syntaxes() {
        assertThat(PortBinding.parse("80")).containsExactly(new PortBinding("", 0, 80, Protocol.TCP));
        assertThat(PortBinding.parse("8080:80")).containsExactly(new PortBinding("", 8080, 80, Protocol.TCP));
        assertThat(PortBinding.parse("127.0.0.1:8080:80")).containsExactly(new PortBinding("127.0.0.1", 8080, 80, Protocol.TCP));
        assertThat(PortBinding.parse("127.0.0.1::80")).containsExactly(new PortBinding("127.0.0.1", 0, 80, Protocol.TCP));
        assertThat(PortBinding.parse("53:53/udp")).containsExactly(new PortBinding("", 53, 53, Protocol.UDP));
        assertThat(PortBinding.parse("[::1]:8080:80")).containsExactly(new PortBinding("::1", 8080, 80, Protocol.TCP));
        assertThat(PortBinding.parse("8000-8001:80-81")).containsExactly(
                new PortBinding("", 8000, 80, Protocol.TCP), new PortBinding("", 8001, 81, Protocol.TCP));
        assertThat(PortBinding.parse("9000:80-81")).extracting(PortBinding::hostPort).containsExactly(9000, 9000);
    }

    @Test
    void publish_badInputNamesTheProblem() {
        assertThatThrownBy(() -> PortBinding.parse("abc")).hasMessageContaining("'abc' is not a port number");
        assertThatThrownBy(() -> PortBinding.parse("70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> PortBinding.parse("1:2:3:4")).hasMessageContaining("too many colons");
        assertThatThrownBy(() -> PortBinding.parse("80/icmp")).hasMessageContaining("Unknown protocol 'icmp'");
        assertThatThrownBy(() -> PortBinding.parse("8000-8002:80-81")).hasMessageContaining("differ in size");
    }

    @Test
    void publish_rendersBackToCliSyntax() {
        assertThat(new PortBinding("127.0.0.1", 8080, 80, Protocol.UDP)).hasToString("127.0.0.1:8080:80/udp");
        assertThat(PortBinding.random(80)).hasToString("80/tcp");
    }

    @Test
    void volume_syntaxes() {
        assertThat(Mount.parse("data:/var/lib/mysql")).isEqualTo(Mount.volume("data", "/var/lib/mysql"));
        assertThat(Mount.parse("/srv/www:/usr/share/nginx/html:ro"))
                .isEqualTo(new Mount.Bind(Path.of("/srv/www"), "/usr/share/nginx/html", true));
        assertThat(Mount.parse("/cache")).isEqualTo(Mount.anonymous("/cache"));
        assertThat(Mount.parse("./rel:/x")).isInstanceOf(Mount.Bind.class)
                .extracting(m -> ((Mount.Bind) m).source()).isEqualTo(Path.of("rel").toAbsolutePath());
        assertThatThrownBy(() -> Mount.parse("data:relative")).hasMessageContaining("must be an absolute path");
        assertThatThrownBy(() -> Mount.volume("bad name", "/x")).hasMessageContaining("Invalid volume name");
    }

    @Test
    void restart_syntaxes() {
        assertThat(RestartPolicy.parse("on-failure:3")).isEqualTo(RestartPolicy.onFailure(3));
        assertThat(RestartPolicy.parse("unless-stopped")).isEqualTo(RestartPolicy.unlessStopped());
        assertThat(RestartPolicy.parse("always")).hasToString("always");
        assertThatThrownBy(() -> RestartPolicy.parse("sometimes")).hasMessageContaining("Invalid restart policy");
        assertThatThrownBy(() -> new RestartPolicy(RestartPolicy.Mode.ALWAYS, 2)).hasMessageContaining("only applies");
    }

    @Test
    void memory_sizesAreBinary() {
        assertThat(Sizes.parseBytes("512m")).isEqualTo(512L * 1024 * 1024);
        assertThat(Sizes.parseBytes("1g")).isEqualTo(1L << 30);
        assertThat(Sizes.parseBytes("1.5GB")).isEqualTo(3L << 29);
        assertThat(Sizes.parseBytes("1024")).isEqualTo(1024);
        assertThatThrownBy(() -> Sizes.parseBytes("lots")).hasMessageContaining("Invalid size 'lots'");
    }

    @Test
    void envFile_followsTheCli() {
        Map<String, String> env = EnvFile.parse("app.env", List.of("\uFEFF# comment", "A=1", "  B=two words ",
                "INHERITED", "NOT_SET", "EMPTY=", "C=x=y"), Map.of("INHERITED", "from-process"));
        assertThat(env).containsExactly(Map.entry("A", "1"), Map.entry("B", "two words "),
                Map.entry("INHERITED", "from-process"), Map.entry("EMPTY", ""), Map.entry("C", "x=y"));
        assertThatThrownBy(() -> EnvFile.parse("f", List.of("=v"), Map.of())).hasMessageContaining("f:1: no variable name");
        assertThatThrownBy(() -> EnvFile.parse("f", List.of("A B=v"), Map.of())).hasMessageContaining("contains whitespaces");
    }

    @Test
    void healthCheck_factoriesAndValidation() {
        HealthCheck h = HealthCheck.cmd("curl", "-f", "http://localhost").retries(2);
        assertThat(h.test()).containsExactly("CMD", "curl", "-f", "http://localhost");
        assertThat(h.retries()).contains(2);
        assertThat(HealthCheck.none().test()).containsExactly("NONE");
        assertThatThrownBy(() -> new HealthCheck(List.of("sh"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())).hasMessageContaining("must start with CMD");
    }

    @Test
    void spec_isImmutableAndRoundTripsThroughToBuilder() {
        ContainerSpec spec = ContainerSpec.builder("nginx:1.25").name("web").publish(8080, 80).env("A", "1")
                .label("team", "x").restart(RestartPolicy.always()).build();
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        assertThatThrownBy(() -> spec.env().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
        ContainerSpec changed = spec.toBuilder().name("web2").build();
        assertThat(changed.name()).contains("web2");
        assertThat(spec.name()).contains("web");
    }

    @Test
    void spec_refusesConflictsBeforeAnyIo() {
        assertThatThrownBy(() -> ContainerSpec.builder("x").autoRemove().restart(RestartPolicy.always()).build())
                .hasMessageContaining("conflict");
        assertThatThrownBy(() -> ContainerSpec.builder("x").network("host").network("front").build())
                .hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> ContainerSpec.builder("x").name("bad name")).hasMessageContaining("Invalid container name");
        assertThatThrownBy(() -> ContainerSpec.builder("x").label("dev.berth.session", "x"))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> ContainerSpec.builder("x").volume("data1", "/d").volume("data2", "/d"))
                .hasMessageContaining("Duplicate mount point");
        assertThatThrownBy(() -> ContainerSpec.builder("x").build().toBuilder().create())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not bound to an engine");
    }

    @Test
    void frameLines_joinSplitChunksAndParseTimestamps() {
        List<LogLine> out = new java.util.ArrayList<>();
        dev.berth.internal.FrameLines a = new dev.berth.internal.FrameLines(true, LogsRequest.sink(out::add));
        a.accept(1, "2024-01-02T03:04:05.123456789Z hel".getBytes());
        a.accept(2, "2024-01-02T03:04:06Z oops\r\n".getBytes());
        a.accept(1, "lo\n2024-01-02T03:04:07Z tail".getBytes());
        a.flush();
        assertThat(out).extracting(LogLine::source, LogLine::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LogSource.STDERR, "oops"),
                org.assertj.core.groups.Tuple.tuple(LogSource.STDOUT, "hello"),
                org.assertj.core.groups.Tuple.tuple(LogSource.STDOUT, "tail"));
        assertThat(out.get(1).timestamp()).contains(java.time.Instant.parse("2024-01-02T03:04:05.123456789Z"));
    }
}
