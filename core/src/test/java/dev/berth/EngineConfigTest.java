package dev.berth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins the docker CLI's resolution order: --host/builder, DOCKER_HOST, DOCKER_CONTEXT, currentContext, default. */
class EngineConfigTest {
    @TempDir
    Path home;

    private Map<String, String> env(String... kv) {
        var m = new java.util.HashMap<String, String>();
        m.put("DOCKER_CONFIG", home.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private void context(String name, String host, boolean tls) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes()));
        Path meta = Files.createDirectories(home.resolve("contexts/meta/" + digest));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Endpoints\":{\"docker\":{\"Host\":\""
                + host + "\",\"SkipTLSVerify\":false}}}");
        if (tls) {
            Files.createDirectories(home.resolve("contexts/tls/" + digest + "/docker"));
        }
    }

    @Test
    void nothingSet_usesDefaultSocket() {
        EngineConfig c = EngineConfig.builder(env()).build();
        assertThat(c.host()).isEqualTo(EngineConfig.DEFAULT_HOST);
        assertThat(c.tls()).isEmpty();
        assertThat(c.apiVersion()).isEmpty();
    }

    @Test
    void dockerHost_tcpWithoutPort_defaults2375_or2376WithTls() throws Exception {
        assertThat(EngineConfig.builder(env("DOCKER_HOST", "tcp://example.test")).build().host())
                .hasToString("tcp://example.test:2375");
        Files.createDirectories(home.resolve("certs"));
        EngineConfig tls = EngineConfig.builder(env("DOCKER_HOST", "tcp://example.test", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", home.resolve("certs").toString())).build();
        assertThat(tls.host()).hasToString("tcp://example.test:2376");
        assertThat(tls.tls()).get().extracting(EngineConfig.Tls::verifyServer).isEqualTo(true);
    }

    @Test
    void dockerHost_beatsDockerContext_asInTheCli() throws Exception {
        context("ctx", "tcp://ctx.test:1234", false);
        EngineConfig c = EngineConfig.builder(env("DOCKER_HOST", "unix:///custom.sock", "DOCKER_CONTEXT", "ctx")).build();
        assertThat(c.host()).hasToString("unix:///custom.sock");
        assertThat(c.source()).isEqualTo("DOCKER_HOST");
    }

    @Test
    void dockerContext_beatsCurrentContext() throws Exception {
        context("a", "tcp://a.test:1", false);
        context("b", "tcp://b.test:2", true);
        Files.writeString(home.resolve("config.json"), "{\"currentContext\":\"a\"}");
        assertThat(EngineConfig.builder(env()).build().host()).hasToString("tcp://a.test:1");
        EngineConfig b = EngineConfig.builder(env("DOCKER_CONTEXT", "b")).build();
        assertThat(b.host()).hasToString("tcp://b.test:2");
        assertThat(b.tls()).get().extracting(EngineConfig.Tls::certPath).asString().endsWith("/docker");
    }

    @Test
    void builderHost_beatsEverything() throws Exception {
        context("a", "tcp://a.test:1", false);
        EngineConfig c = EngineConfig.builder(env("DOCKER_HOST", "tcp://env.test:1", "DOCKER_CONTEXT", "a"))
                .host("unix:///explicit.sock").build();
        assertThat(c.host()).hasToString("unix:///explicit.sock");
        assertThat(c.source()).isEqualTo("set explicitly");
    }

    @Test
    void explicitContext_beatsDockerHost() throws Exception {
        context("a", "tcp://a.test:1", false);
        assertThat(EngineConfig.builder(env("DOCKER_HOST", "tcp://env.test:1")).context("a").build().host())
                .hasToString("tcp://a.test:1");
    }

    @Test
    void defaultContextName_meansDefaultSocket() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\"currentContext\":\"default\"}");
        assertThat(EngineConfig.builder(env()).build().host()).isEqualTo(EngineConfig.DEFAULT_HOST);
    }

    @Test
    void missingContext_isAClearError() {
        assertThatThrownBy(() -> EngineConfig.builder(env("DOCKER_CONTEXT", "nope")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Docker context 'nope' does not exist").hasMessageContaining("docker context ls");
    }

    @Test
    void apiVersion_fromEnvOrBuilder_andValidated() {
        assertThat(EngineConfig.builder(env("DOCKER_API_VERSION", "1.43")).build().apiVersion()).contains("1.43");
        assertThat(EngineConfig.builder(env()).apiVersion("1.41").build().apiVersion()).contains("1.41");
        assertThatThrownBy(() -> EngineConfig.builder(env()).apiVersion("latest").build())
                .hasMessageContaining("MAJOR.MINOR");
    }

    @Test
    void unsupportedSchemes_areRefusedWithAdvice() {
        assertThatThrownBy(() -> EngineConfig.builder(env()).host("ssh://user@host").build())
                .hasMessageContaining("ssh://").hasMessageContaining("forward the socket");
        assertThatThrownBy(() -> EngineConfig.builder(env()).host("ftp://x").build()).hasMessageContaining("not understood");
    }

    @Test
    void tlsCertPath_mustExist() {
        assertThatThrownBy(() -> EngineConfig.builder(env("DOCKER_HOST", "tcp://h:1", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", home.resolve("missing").toString())).build())
                .hasMessageContaining("DOCKER_CERT_PATH").hasMessageContaining("is not a directory");
    }
}
