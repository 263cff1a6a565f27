package dev.berth.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.berth.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.registry.internal.CredentialHelper;
import dev.berth.registry.internal.RegistryKeys;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registry part of the docker CLI's {@code config.json}: {@code auths}, {@code credsStore} and
 * {@code credHelpers}, resolved as the CLI does. Immutable; a missing file means no credentials.
 *
 * <pre>{@code
 * DockerConfig cfg = DockerConfig.fromEnv();            // $DOCKER_CONFIG/config.json or ~/.docker/config.json
 * Optional<Credentials> c = cfg.credentials("127.0.0.1:5001");
 * }</pre>
 */
public final class DockerConfig implements RegistryAuth {
    private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(30);

    private final Path file;
    private final Map<String, JsonNode> auths;
    private final Optional<String> credsStore;
    private final Map<String, String> credHelpers;
    private final List<Path> helperPath;

    private DockerConfig(Path file, Map<String, JsonNode> auths, Optional<String> credsStore,
                         Map<String, String> credHelpers, List<Path> helperPath) {
        this.file = file;
        this.auths = auths;
        this.credsStore = credsStore;
        this.credHelpers = credHelpers;
        this.helperPath = helperPath;
    }

    /** The configuration the docker CLI would use in this process: {@code DOCKER_CONFIG}, else {@code ~/.docker}. */
    public static DockerConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /** As {@link #fromEnv()}, reading {@code DOCKER_CONFIG}, {@code HOME} and {@code PATH} from {@code env}. */
    public static DockerConfig fromEnv(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        if (dir == null || dir.isEmpty()) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            return load(Path.of(home, ".docker"), env);
        }
        return load(Path.of(dir), env);
    }

    /** Reads {@code config.json} from this directory; credential helpers are looked up on the process PATH. */
    public static DockerConfig load(Path directory) {
        return load(directory, System.getenv());
    }

    /** Reads {@code config.json} from this directory; credential helpers are looked up on {@code env}'s PATH. */
    public static DockerConfig load(Path directory, Map<String, String> env) {
        Objects.requireNonNull(directory, "directory");
        List<Path> path = new ArrayList<>();
        for (String p : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!p.isEmpty()) {
                path.add(Path.of(p));
            }
        }
        Path file = directory.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return new DockerConfig(file, Map.of(), Optional.empty(), Map.of(), path);
        }
        JsonNode root;
        try {
            root = Json.read(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            // Only the location: Jackson's message may quote a token of the file, which may be a secret.
            var loc = e.getCause() instanceof JsonProcessingException j ? j.getLocation() : null;
            throw new BerthException("Cannot read " + file + ": not valid JSON"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + "; fix the file or point DOCKER_CONFIG at another directory");
        } catch (IOException e) {
            throw new BerthException("Cannot read " + file + ": " + e.getMessage() + "; check its permissions", e);
        }
        Map<String, JsonNode> auths = new LinkedHashMap<>();
        root.path("auths").fields().forEachRemaining(e -> auths.put(e.getKey(), e.getValue()));
        Map<String, String> helpers = new LinkedHashMap<>();
        root.path("credHelpers").fields().forEachRemaining(e -> helpers.put(e.getKey(), e.getValue().asText()));
        String store = root.path("credsStore").asText("");
        return new DockerConfig(file, Map.copyOf(auths), store.isEmpty() ? Optional.empty() : Optional.of(store),
                Map.copyOf(helpers), List.copyOf(path));
    }

    /** The {@code config.json} this was read from (it may not exist). */
    public Path file() {
        return file;
    }

    /** The registries with an entry in {@code auths}, as spelled in the file. */
    public Set<String> authRegistries() {
        return auths.keySet();
    }

    /** The default credential helper ({@code credsStore}), if any. */
    public Optional<String> credsStore() {
        return credsStore;
    }

    /** Per-registry credential helpers ({@code credHelpers}). */
    public Map<String, String> credHelpers() {
        return credHelpers;
    }

    /**
     * The credentials for a registry as the docker CLI resolves them: the registry's {@code credHelpers} entry, else
     * {@code credsStore}, else {@code auths} (exact key, then keys such as {@code https://host/v1/} reduced to host).
     * When a helper applies, {@code auths} is not consulted: a helper without credentials means anonymous.
     */
    @Override
    public Optional<Credentials> credentials(String registry) {
        String key = RegistryKeys.configKey(Objects.requireNonNull(registry, "registry"));
        Optional<String> helper = helperFor(key);
        if (helper.isPresent()) {
            return helper(helper.get()).get(key);
        }
        return fileEntry(key).flatMap(e -> decode(e.getKey(), e.getValue()));
    }

    /** Every stored credential: {@code auths}, the {@code credsStore}'s list, then each {@code credHelpers} entry. */
    @Override
    public Map<String, Credentials> all() {
        Map<String, Credentials> out = new LinkedHashMap<>();
        if (credsStore.isEmpty()) {
            auths.forEach((k, v) -> decodeQuietly(k, v).ifPresent(c -> out.put(k, c)));
        } else {
            try {
                CredentialHelper store = helper(credsStore.get());
                for (String server : store.list().keySet()) {
                    store.get(server).ifPresent(c -> out.put(server, c));
                }
            } catch (BerthException e) {
                // As `docker build`: credentials that cannot be read are left out.
            }
        }
        for (String registry : credHelpers.keySet()) {
            try {
                credentials(registry).ifPresent(c -> out.put(registry, c));
            } catch (BerthException e) {
                // left out, as above
            }
        }
        return out;
    }

    private Optional<String> helperFor(String key) {
        String h = credHelpers.get(key);
        if (h == null) {
            h = credHelpers.get(RegistryKeys.hostname(key));
        }
        return h != null ? Optional.of(h) : credsStore;
    }

    private CredentialHelper helper(String name) {
        return new CredentialHelper(name, helperPath, HELPER_TIMEOUT);
    }

    private Optional<Map.Entry<String, JsonNode>> fileEntry(String key) {
        if (auths.containsKey(key)) {
            return Optional.of(Map.entry(key, auths.get(key)));
        }
        for (Map.Entry<String, JsonNode> e : auths.entrySet()) {
            if (stripToHost(e.getKey()).equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The CLI's {@code ConvertToHostname}: drop the scheme and everything from the first slash. */
    private static String stripToHost(String url) {
        String s = url.startsWith("http://") ? url.substring(7) : url.startsWith("https://") ? url.substring(8) : url;
        int slash = s.indexOf('/');
        return slash >= 0 ? s.substring(0, slash) : s;
    }

    private Optional<Credentials> decodeQuietly(String key, JsonNode entry) {
        try {
            return decode(key, entry);
        } catch (BerthException e) {
            return Optional.empty();
        }
    }

    private Optional<Credentials> decode(String key, JsonNode entry) {
        String token = entry.path("identitytoken").asText("");
        if (!token.isEmpty()) {
            return Optional.of(Credentials.identityToken(token));
        }
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid(key, "its \"auth\" value is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw invalid(key, "its \"auth\" value is not base64 of USER:PASSWORD");
            }
            return Optional.of(Credentials.of(decoded.substring(0, colon),
                    decoded.substring(colon + 1).replaceAll("^\\x00+|\\x00+$", "")));
        }
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        return user.isEmpty() || password.isEmpty() ? Optional.empty() : Optional.of(Credentials.of(user, password));
    }

    private BerthException invalid(String key, String why) {
        return new BerthException("Invalid auth configuration for '" + key + "' in " + file + ": " + why
                + "; run `docker login " + key + "` again or pass credentials explicitly");
    }

    /** Names the file, the registries and the helpers, never a secret. */
    @Override
    public String toString() {
        return "DockerConfig[" + file + ", auths " + auths.keySet() + credsStore.map(s -> ", credsStore " + s).orElse("")
                + (credHelpers.isEmpty() ? "" : ", credHelpers " + credHelpers) + "]";
    }
}
