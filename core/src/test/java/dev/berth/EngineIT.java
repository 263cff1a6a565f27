package dev.berth;

import dev.berth.container.Container;
import dev.berth.container.ExecResult;
import dev.berth.testing.DockerCli;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.TcpToUnixProxy;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Engine connections as the docker CLI makes them: the default socket, DOCKER_HOST over unix and tcp, TLS, contexts,
 * API negotiation against Engine API 1.41 (Docker 20.10) and 1.45 (Docker 26, started by .ci/setup.d/engine-26.sh).
 */
@ExtendWith(EngineExtension.class)
class EngineIT {
    private static final Path MAIN_SOCKET = Path.of("/var/run/docker.sock");

    private static String prop(String key) {
        String v = System.getProperty(key);
        if (v == null) {
            throw new AssertionError("System property " + key + " is not set; run the tests through Maven (mvn verify)");
        }
        return v;
    }

    private static String run(Engine engine, String... command) {
        StringBuilder out = new StringBuilder();
        int code = engine.container(TestImages.busybox(engine)).command(command).attached()
                .output(l -> out.append(l.text()).append('\n')).run();
        assertThat(code).as("exit code of %s", String.join(" ", command)).isZero();
        return out.toString();
    }

    @Test
    void defaultEngine_negotiatesTheEnginesVersion(Engine engine) {
        EngineVersion v = engine.version();
        assertThat(v.negotiatedApiVersion()).isEqualTo(v.apiVersion()).isEqualTo(engine.apiVersion());
        // the engine DOCKER_HOST names (the suite runs on Docker 20.10 and on 26): its API version, as the CLI reports it
        assertThat(engine.apiVersion()).isEqualTo(DockerCli.run("version", "-f", "{{.Server.APIVersion}}"));
    }

    @Test
    void newerEngine_api145_isNegotiatedAndWorks() {
        try (Engine e26 = Engine.connect(EngineConfig.builder(Map.of()).host(prop("berth.engine26.host"))
                .cleanupOnClose(true).build())) {
            assertThat(e26.version().version()).startsWith("26.");
            assertThat(e26.apiVersion()).isEqualTo("1.45");
            assertThat(run(e26, "echo", "hello from 26")).isEqualTo("hello from 26\n");
        }
    }

    @Test
    void pinnedApiVersion_isUsedInsteadOfNegotiation() {
        try (Engine e26 = Engine.connect(EngineConfig.builder(Map.of()).host(prop("berth.engine26.host"))
                .apiVersion("1.41").build())) {
            assertThat(e26.apiVersion()).isEqualTo("1.41");
            assertThat(e26.version().apiVersion()).isEqualTo("1.45");
        }
    }

    @Test
    void tls_withDockerTlsVerifyAndCertPath() {
        Map<String, String> env = Map.of("DOCKER_HOST", prop("berth.engine26.tlsHost"), "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", prop("berth.tls.certs"));
        EngineConfig config = EngineConfig.builder(env).build();
        assertThat(config.tls()).isPresent();
        assertThat(config.source()).isEqualTo("DOCKER_HOST");
        try (Engine tls = Engine.connect(config)) {
            assertThat(tls.version().version()).startsWith("26.");
            assertThat(run(tls, "echo", "over tls")).isEqualTo("over tls\n");
            try (Container c = tls.container(TestImages.BUSYBOX).command("sleep", "30").detached().run()) {
                ExecResult r = c.exec("cat").stdin("stdin over tls").run(Duration.ofSeconds(10));
                assertThat(r.stdout()).isEqualTo("stdin over tls");
            }
            tls.cleanup();
        }
    }

    @Test
    void tls_withoutClientCertificate_isRefusedByTheEngine(@TempDir Path dir) throws Exception {
        Path certs = Path.of(prop("berth.tls.certs"));
        Files.copy(certs.resolve("ca.pem"), dir.resolve("ca.pem"));
        assertThatThrownBy(() -> Engine.connect(EngineConfig.builder(Map.of()).host(prop("berth.engine26.tlsHost"))
                .build())).isInstanceOf(EngineUnavailableException.class);
        assertThatThrownBy(() -> EngineConfig.builder(Map.of()).host(prop("berth.engine26.tlsHost")).tls(dir).build()
                .tls().map(t -> Engine.connect(EngineConfig.builder(Map.of()).host(prop("berth.engine26.tlsHost"))
                        .tls(dir).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cert.pem is missing");
    }

    @Test
    void dockerHost_tcp_reachesTheEngine() throws Exception {
        try (TcpToUnixProxy proxy = new TcpToUnixProxy(MAIN_SOCKET);
             Engine tcp = Engine.connect(EngineConfig.builder(Map.of("DOCKER_HOST", proxy.address()))
                     .cleanupOnClose(true).build())) {
            assertThat(tcp.config().host().toString()).isEqualTo(proxy.address());
            assertThat(run(tcp, "echo", "over tcp")).isEqualTo("over tcp\n");
            try (Container c = tcp.container(TestImages.BUSYBOX).command("sleep", "30").detached().run()) {
                assertThat(c.exec("cat").stdin("stdin over tcp").run().stdout()).isEqualTo("stdin over tcp");
            }
        }
    }

    @Test
    void context_fromConfigJsonAndDockerContext(@TempDir Path home) throws Exception {
        try (TcpToUnixProxy proxy = new TcpToUnixProxy(MAIN_SOCKET)) {
            writeContext(home, "berth-proxy", proxy.address());
            Files.writeString(home.resolve("config.json"), "{\"currentContext\": \"berth-proxy\"}");
            EngineConfig fromConfig = EngineConfig.builder(Map.of("DOCKER_CONFIG", home.toString())).build();
            assertThat(fromConfig.host().toString()).isEqualTo(proxy.address());
            assertThat(fromConfig.source()).contains("currentContext");
            try (Engine e = Engine.connect(fromConfig)) {
                assertThat(e.version().apiVersion()).isEqualTo("1.41");
            }
            writeContext(home, "other", "unix:///var/run/docker.sock");
            EngineConfig fromEnv = EngineConfig.builder(Map.of("DOCKER_CONFIG", home.toString(),
                    "DOCKER_CONTEXT", "other")).build();
            assertThat(fromEnv.host().toString()).isEqualTo("unix:///var/run/docker.sock");
            EngineConfig hostWins = EngineConfig.builder(Map.of("DOCKER_CONFIG", home.toString(),
                    "DOCKER_HOST", "tcp://127.0.0.1:1")).build();
            assertThat(hostWins.host().toString()).isEqualTo("tcp://127.0.0.1:1");
        }
    }

    @Test
    void unreachableEngine_failsFastNamingHostAndFix() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Engine.connect(EngineConfig.builder(Map.of())
                .host("unix:///var/run/no-such-docker.sock").build()))
                .isInstanceOfSatisfying(EngineUnavailableException.class, e -> {
                    assertThat(e.host().toString()).isEqualTo("unix:///var/run/no-such-docker.sock");
                    assertThat(e.getMessage()).contains("unix:///var/run/no-such-docker.sock")
                            .contains("Is the engine running?").contains("DOCKER_HOST");
                });
        assertThatThrownBy(() -> Engine.connect(EngineConfig.builder(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"))
                .build()))
                .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("tcp://127.0.0.1:1")
                .hasMessageContaining("from DOCKER_HOST");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void severalEngines_workConcurrently(Engine main) throws Exception {
        try (Engine e26 = Engine.connect(EngineConfig.builder(Map.of()).host(prop("berth.engine26.host"))
                .cleanupOnClose(true).build());
             Engine second = Engine.connect(EngineConfig.builder(System.getenv()).cleanupOnClose(true).build())) {
            assertThat(second.sessionId()).isNotEqualTo(main.sessionId());
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> run(main, "echo", "main"));
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> run(e26, "echo", "twenty-six"));
            CompletableFuture<String> c = CompletableFuture.supplyAsync(() -> run(second, "echo", "second"));
            assertThat(a.get() + b.get() + c.get()).isEqualTo("main\ntwenty-six\nsecond\n");
        }
    }

    @Test
    void cleanupOnClose_removesOnlyThisSessionsResources(Engine main) {
        Container other = main.container(TestImages.BUSYBOX).command("sleep", "60").detached().run();
        String created;
        try (Engine scoped = Engine.connect(EngineConfig.builder(System.getenv()).cleanupOnClose(true).build())) {
            created = scoped.container(TestImages.BUSYBOX).command("sleep", "60").detached().run().id();
            assertThat(main.containers().find(created)).isPresent();
        }
        assertThat(main.containers().all().find(created)).isEmpty();
        assertThat(other.isRunning()).isTrue();
        other.close();
    }

    @Test
    void cleanup_onRequest_removesThisSessionsContainersNetworksAndVolumes(Engine main) {
        try (Engine scoped = Engine.connect(EngineConfig.builder(System.getenv()).build())) {
            String network = Names.unique("cleanup-net");
            String volume = Names.unique("cleanup-vol");
            scoped.network(network).create();
            scoped.volume(volume).create();
            String container = scoped.container(TestImages.BUSYBOX).command("sleep", "60").network(network)
                    .volume(volume, "/data").detached().run().id();

            CleanupReport report = scoped.cleanup();

            assertThat(report.containers()).hasSize(1);
            assertThat(report.networks()).hasSize(1);
            assertThat(report.volumes()).containsExactly(volume);
            assertThat(main.containers().all().find(container)).isEmpty();
            assertThat(main.networks().find(network)).isEmpty();
            assertThat(main.volumes().find(volume)).isEmpty();
            assertThat(scoped.cleanup().isEmpty()).as("nothing left the second time").isTrue();
        }
    }

    @Test
    void dockerFacade_usesTheDefaultEngine() {
        try (Container c = Docker.container(TestImages.BUSYBOX).command("sleep", "30").detached().run()) {
            assertThat(Docker.containers().ids()).contains(c.id());
            assertThat(c.engine()).isSameAs(Docker.engine());
        }
    }

    private static void writeContext(Path home, String name, String host) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes()));
        Path meta = Files.createDirectories(home.resolve("contexts/meta/" + digest));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{"
                + "\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    }
}
