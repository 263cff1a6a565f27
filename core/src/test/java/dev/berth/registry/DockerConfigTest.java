package dev.berth.registry;

import dev.berth.BerthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credential resolution from config.json, pinned to the docker CLI's {@code cli/config/configfile} and
 * {@code cli/config/credentials} (file store, native store, helper protocol of docker-credential-helpers).
 */
class DockerConfigTest {
    private static final String SECRET = "s3cret-Pa55word";

    @TempDir
    Path dir;

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private DockerConfig config(String json) throws IOException {
        Files.writeString(dir.resolve("config.json"), json);
        return DockerConfig.load(dir, Map.of("PATH", dir.resolve("bin").toString()));
    }

    /**
     * A fake docker-credential-NAME: {@code get} answers for the servers in {@code known} (server → "user secret"),
     * else prints the not-found message and exits 1, as the real helpers do; every stdin it gets is logged.
     */
    private Path helper(String name, Map<String, String> known) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        StringBuilder cases = new StringBuilder();
        StringBuilder list = new StringBuilder("{");
        known.forEach((server, creds) -> {
            String[] uc = creds.split(" ");
            cases.append("    '").append(server).append("') printf '{\"ServerURL\":\"%s\",\"Username\":\"")
                    .append(uc[0]).append("\",\"Secret\":\"").append(uc[1]).append("\"}' \"$url\" ;;\n");
            list.append(list.length() > 1 ? "," : "").append('"').append(server).append("\":\"").append(uc[0])
                    .append('"');
        });
        list.append('}');
        String script = "#!/bin/sh\n"
                + "url=$(cat)\n"
                + "printf '%s %s\\n' \"$1\" \"$url\" >> \"" + dir.resolve(name + ".log") + "\"\n"
                + "case \"$1\" in\n"
                + "  get) case \"$url\" in\n" + cases
                + "    *) echo 'credentials not found in native keychain'; exit 1 ;;\n"
                + "  esac ;;\n"
                + "  list) printf '%s' '" + list + "' ;;\n"
                + "  *) echo unknown verb >&2; exit 2 ;;\n"
                + "esac\n";
        Path p = bin.resolve("docker-credential-" + name);
        Files.writeString(p, script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void auths_base64UserPassword_asDockerLoginStoresIt() throws IOException {
        DockerConfig cfg = config("{\"auths\":{\"127.0.0.1:5001\":{\"auth\":\"" + basic("alice", SECRET) + "\"}}}");
        assertThat(cfg.credentials("127.0.0.1:5001")).contains(Credentials.of("alice", SECRET));
        assertThat(cfg.credentials("127.0.0.1:5000")).isEmpty();
    }

    @Test
    void auths_passwordMayContainColons_splitAtFirstColonOnly() throws IOException {
        DockerConfig cfg = config("{\"auths\":{\"r.example\":{\"auth\":\"" + basic("bob", "a:b:c") + "\"}}}");
        assertThat(cfg.credentials("r.example")).contains(Credentials.of("bob", "a:b:c"));
    }

    @Test
    void auths_identityToken_winsOverUserName() throws IOException {
        DockerConfig cfg = config("{\"auths\":{\"r.example\":{\"auth\":\"" + basic("bob", "")
                + "\",\"identitytoken\":\"tok-123\"}}}");
        Credentials c = cfg.credentials("r.example").orElseThrow();
        assertThat(c.identityToken()).contains("tok-123");
        assertThat(c.password()).isEmpty();
    }

    @Test
    void auths_legacyUrlKey_matchedByHostname_asConvertToHostname() throws IOException {
        DockerConfig cfg = config("{\"auths\":{\"https://r.example:5443/v1/\":{\"auth\":\"" + basic("u", SECRET)
                + "\"}}}");
        assertThat(cfg.credentials("r.example:5443")).contains(Credentials.of("u", SECRET));
    }

    @Test
    void auths_dockerHub_usesIndexServerKey_forEverySpelling() throws IOException {
        DockerConfig cfg = config("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + basic("hub", SECRET)
                + "\"}}}");
        assertThat(cfg.credentials("docker.io")).contains(Credentials.of("hub", SECRET));
        assertThat(cfg.credentials("index.docker.io")).contains(Credentials.of("hub", SECRET));
        assertThat(cfg.credentials("registry-1.docker.io")).contains(Credentials.of("hub", SECRET));
    }

    @Test
    void auths_emptyEntry_isAnonymous() throws IOException {
        assertThat(config("{\"auths\":{\"r.example\":{}}}").credentials("r.example")).isEmpty();
    }

    @Test
    void missingFile_meansNoCredentials() {
        DockerConfig cfg = DockerConfig.load(dir.resolve("nowhere"), Map.of());
        assertThat(cfg.credentials("127.0.0.1:5001")).isEmpty();
        assertThat(cfg.all()).isEmpty();
    }

    @Test
    void fromEnv_readsDockerConfigDirectory_elseHomeDotDocker() throws IOException {
        Path custom = Files.createDirectories(dir.resolve("custom"));
        Files.writeString(custom.resolve("config.json"), "{\"auths\":{\"a.example\":{\"auth\":\""
                + basic("x", SECRET) + "\"}}}");
        Path home = Files.createDirectories(dir.resolve("home/.docker"));
        Files.writeString(home.resolve("config.json"), "{\"auths\":{\"b.example\":{\"auth\":\""
                + basic("y", SECRET) + "\"}}}");
        DockerConfig fromVar = DockerConfig.fromEnv(Map.of("DOCKER_CONFIG", custom.toString(), "HOME",
                dir.resolve("home").toString()));
        assertThat(fromVar.file()).isEqualTo(custom.resolve("config.json"));
        assertThat(fromVar.credentials("a.example")).isPresent();
        DockerConfig fromHome = DockerConfig.fromEnv(Map.of("HOME", dir.resolve("home").toString()));
        assertThat(fromHome.credentials("b.example")).contains(Credentials.of("y", SECRET));
    }

    @Test
    void credsStore_helperGetsServerOnStdin_andItsAnswerIsUsed() throws IOException {
        helper("fake", Map.of("127.0.0.1:5001", "carol " + SECRET));
        DockerConfig cfg = config("{\"credsStore\":\"fake\"}");
        assertThat(cfg.credentials("127.0.0.1:5001")).contains(Credentials.of("carol", SECRET));
        assertThat(Files.readString(dir.resolve("fake.log"))).isEqualTo("get 127.0.0.1:5001\n");
    }

    @Test
    void credsStore_helperAsksForHubWithIndexServerUrl() throws IOException {
        helper("fake", Map.of("https://index.docker.io/v1/", "hubber " + SECRET));
        assertThat(config("{\"credsStore\":\"fake\"}").credentials("docker.io"))
                .contains(Credentials.of("hubber", SECRET));
    }

    @Test
    void credsStore_helperWithoutEntry_isAnonymous_evenIfAuthsHasOne_asNativeStore() throws IOException {
        helper("fake", Map.of());
        DockerConfig cfg = config("{\"credsStore\":\"fake\",\"auths\":{\"127.0.0.1:5001\":{\"auth\":\""
                + basic("stale", SECRET) + "\"}}}");
        assertThat(cfg.credentials("127.0.0.1:5001")).isEmpty();
    }

    @Test
    void credHelpers_perRegistry_winOverCredsStore() throws IOException {
        helper("store", Map.of("127.0.0.1:5001", "fromstore " + SECRET));
        helper("special", Map.of("127.0.0.1:5001", "fromspecial " + SECRET));
        DockerConfig cfg = config("{\"credsStore\":\"store\",\"credHelpers\":{\"127.0.0.1:5001\":\"special\"}}");
        assertThat(cfg.credentials("127.0.0.1:5001")).contains(Credentials.of("fromspecial", SECRET));
        assertThat(dir.resolve("store.log")).doesNotExist();
    }

    @Test
    void credHelpers_otherRegistries_fallBackToAuths() throws IOException {
        helper("special", Map.of("127.0.0.1:5001", "h " + SECRET));
        DockerConfig cfg = config("{\"credHelpers\":{\"127.0.0.1:5001\":\"special\"},\"auths\":{\"127.0.0.1:5000\":"
                + "{\"auth\":\"" + basic("f", SECRET) + "\"}}}");
        assertThat(cfg.credentials("127.0.0.1:5000")).contains(Credentials.of("f", SECRET));
    }

    @Test
    void helper_tokenUserName_meansIdentityToken() throws IOException {
        helper("fake", Map.of("r.example", "<token> refresh-token-1"));
        Credentials c = config("{\"credsStore\":\"fake\"}").credentials("r.example").orElseThrow();
        assertThat(c.identityToken()).contains("refresh-token-1");
    }

    @Test
    void helper_notOnPath_failsNamingTheHelperAndWhatToDo() throws IOException {
        DockerConfig cfg = config("{\"credsStore\":\"absent\"}");
        assertThatThrownBy(() -> cfg.credentials("r.example")).isInstanceOf(BerthException.class)
                .hasMessageContaining("docker-credential-absent").hasMessageContaining("install it");
    }

    @Test
    void helper_failing_reportsItsMessage() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path p = bin.resolve("docker-credential-broken");
        Files.writeString(p, "#!/bin/sh\ncat >/dev/null\necho 'keychain is locked'\nexit 3\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        DockerConfig cfg = config("{\"credsStore\":\"broken\"}");
        assertThatThrownBy(() -> cfg.credentials("r.example")).isInstanceOf(BerthException.class)
                .hasMessageContaining("keychain is locked").hasMessageContaining("exit 3");
    }

    @Test
    void all_collectsAuthsAndHelpers_asGetAllCredentials() throws IOException {
        helper("special", Map.of("127.0.0.1:5001", "h " + SECRET));
        DockerConfig cfg = config("{\"credHelpers\":{\"127.0.0.1:5001\":\"special\"},\"auths\":{\"127.0.0.1:5000\":"
                + "{\"auth\":\"" + basic("f", SECRET) + "\"},\"broken.example\":{\"auth\":\"%%%\"}}}");
        assertThat(cfg.all()).containsOnly(Map.entry("127.0.0.1:5000", Credentials.of("f", SECRET)),
                Map.entry("127.0.0.1:5001", Credentials.of("h", SECRET)));
    }

    @Test
    void all_withCredsStore_listsTheHelper() throws IOException {
        helper("store", Map.of("a.example", "u1 " + SECRET, "b.example", "u2 " + SECRET));
        assertThat(config("{\"credsStore\":\"store\"}").all()).containsOnlyKeys("a.example", "b.example");
    }

    @Test
    void invalidAuthValue_errorNamesRegistryButNotTheValue() throws IOException {
        DockerConfig cfg = config("{\"auths\":{\"r.example\":{\"auth\":\"" + Base64.getEncoder()
                .encodeToString(("nocolon" + SECRET).getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        assertThatThrownBy(() -> cfg.credentials("r.example")).isInstanceOf(BerthException.class)
                .hasMessageContaining("r.example").hasMessageContaining("docker login")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("nocolon"));
    }

    @Test
    void brokenJson_errorGivesLineAndColumn_neverTheContent() throws IOException {
        Path f = dir.resolve("config.json");
        Files.writeString(f, "{\"auths\":{\"r\":{\"auth\":" + SECRET + "}}}");
        assertThatThrownBy(() -> DockerConfig.load(dir, Map.of())).isInstanceOf(BerthException.class)
                .hasMessageContaining("line 1").hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void toString_namesRegistriesAndHelpers_neverSecrets() throws IOException {
        DockerConfig cfg = config("{\"credsStore\":\"x\",\"credHelpers\":{\"a\":\"y\"},\"auths\":{\"r.example\":"
                + "{\"auth\":\"" + basic("u", SECRET) + "\"}}}");
        assertThat(cfg.toString()).contains("r.example").contains("credsStore x").doesNotContain(SECRET)
                .doesNotContain(basic("u", SECRET));
        assertThat(Credentials.of("u", SECRET).toString()).contains("u").doesNotContain(SECRET);
        assertThat(Credentials.identityToken(SECRET).toString()).doesNotContain(SECRET);
        assertThat(RegistryAuth.of("r.example", Credentials.of("u", SECRET)).toString()).doesNotContain(SECRET);
    }

    @Test
    void explicitAuth_orElse_fallsBackPerRegistry() {
        RegistryAuth auth = RegistryAuth.of("https://a.example/v1/", Credentials.of("a", SECRET))
                .orElse(RegistryAuth.of("b.example", Credentials.of("b", SECRET)));
        assertThat(auth.credentials("a.example")).contains(Credentials.of("a", SECRET));
        assertThat(auth.credentials("b.example")).contains(Credentials.of("b", SECRET));
        assertThat(auth.credentials("c.example")).isEqualTo(Optional.empty());
        assertThat(auth.all()).containsOnlyKeys("a.example", "b.example");
    }
}
