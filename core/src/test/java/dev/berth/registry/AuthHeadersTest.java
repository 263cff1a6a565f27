package dev.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.image.ImageRef;
import dev.berth.internal.Json;
import dev.berth.registry.internal.AuthHeaders;
import dev.berth.registry.internal.RegistryKeys;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Engine API's X-Registry-Auth / X-Registry-Config encodings, as the docker CLI's {@code registry.EncodeAuthConfig}. */
class AuthHeadersTest {
    private static JsonNode decode(String header) throws Exception {
        assertThat(header).doesNotContain("+").doesNotContain("/");
        return Json.read(Base64.getUrlDecoder().decode(header));
    }

    @Test
    void registryAuth_isBase64UrlJson_withServerAddress() throws Exception {
        JsonNode n = decode(AuthHeaders.registryAuth("127.0.0.1:5001", Credentials.of("u", "p?>>>?")));
        assertThat(n.path("username").asText()).isEqualTo("u");
        assertThat(n.path("password").asText()).isEqualTo("p?>>>?");
        assertThat(n.path("serveraddress").asText()).isEqualTo("127.0.0.1:5001");
    }

    @Test
    void registryAuth_identityToken_sendsNoPassword() throws Exception {
        JsonNode n = decode(AuthHeaders.registryAuth("docker.io", Credentials.identityToken("tok")));
        assertThat(n.path("identitytoken").asText()).isEqualTo("tok");
        assertThat(n.has("password")).isFalse();
        assertThat(n.path("serveraddress").asText()).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void anonymous_isEmptyObject_whichPushRequires() throws Exception {
        assertThat(decode(AuthHeaders.anonymous()).size()).isZero();
    }

    @Test
    void registryConfig_mapsEachRegistryKey() throws Exception {
        JsonNode n = decode(AuthHeaders.registryConfig(Map.of("127.0.0.1:5001", Credentials.of("a", "b"),
                "docker.io", Credentials.of("c", "d"))));
        assertThat(n.path("127.0.0.1:5001").path("username").asText()).isEqualTo("a");
        assertThat(n.path("https://index.docker.io/v1/").path("password").asText()).isEqualTo("d");
    }

    @Test
    void redact_removesPasswordsTokensAndTheirBasicForm() {
        Credentials c = Credentials.of("u", "hunter22");
        String basic = Base64.getEncoder().encodeToString("u:hunter22".getBytes());
        assertThat(AuthHeaders.redact("bad hunter22 and " + basic, List.of(c))).isEqualTo("bad **** and ****");
    }

    @Test
    void registryKeys_followTheCli() {
        assertThat(RegistryKeys.registryOf(ImageRef.parse("busybox"))).isEqualTo("docker.io");
        assertThat(RegistryKeys.registryOf(ImageRef.parse("127.0.0.1:5000/a/b:1"))).isEqualTo("127.0.0.1:5000");
        assertThat(RegistryKeys.registryOf(ImageRef.parse("localhost/a"))).isEqualTo("localhost");
        assertThat(RegistryKeys.registryOf(ImageRef.parse("index.docker.io/library/a"))).isEqualTo("docker.io");
        assertThat(RegistryKeys.hostname("https://Reg.example:443/v2/")).isEqualTo("Reg.example:443");
        assertThat(RegistryKeys.configKey("docker.io")).isEqualTo("https://index.docker.io/v1/");
    }
}
