package dev.berth.registry;

import dev.berth.registry.internal.RegistryKeys;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where pulls, pushes and builds find registry credentials. The default, {@link #fromEnv()}, resolves them as the
 * docker CLI does from {@code config.json} in {@code DOCKER_CONFIG} (or {@code ~/.docker}): a credential helper for
 * the registry ({@code credHelpers}), else the default store ({@code credsStore}), else the {@code auths} entry.
 *
 * <pre>{@code
 * image.push(PushOptions.defaults().auth(RegistryAuth.of("registry.example.com", Credentials.of("ci", token))));
 * }</pre>
 *
 * <p>Registries are named by host and optional port ({@code 127.0.0.1:5000}); Docker Hub is {@code docker.io}.
 */
@FunctionalInterface
public interface RegistryAuth {

    /** The credentials for the registry, or empty to go anonymously; may run a credential helper. */
    Optional<Credentials> credentials(String registry);

    /**
     * Every registry this source has credentials for, for builds whose base images may come from any of them
     * ({@code docker build} sends them all). Entries that cannot be read are left out.
     */
    default Map<String, Credentials> all() {
        return Map.of();
    }

    /** No credentials: every registry is used anonymously. */
    static RegistryAuth anonymous() {
        return registry -> Optional.empty();
    }

    /** These credentials for this one registry, anonymous elsewhere. */
    static RegistryAuth of(String registry, Credentials credentials) {
        return of(Map.of(registry, credentials));
    }

    /** Fixed credentials per registry, anonymous elsewhere. */
    static RegistryAuth of(Map<String, Credentials> byRegistry) {
        Map<String, Credentials> fixed = new LinkedHashMap<>();
        byRegistry.forEach((r, c) -> fixed.put(RegistryKeys.hostname(Objects.requireNonNull(r, "registry")),
                Objects.requireNonNull(c, "credentials")));
        return new RegistryAuth() {
            @Override
            public Optional<Credentials> credentials(String registry) {
                return Optional.ofNullable(fixed.get(RegistryKeys.hostname(registry)));
            }

            @Override
            public Map<String, Credentials> all() {
                return Map.copyOf(fixed);
            }

            @Override
            public String toString() {
                return "RegistryAuth" + fixed.keySet();
            }
        };
    }

    /** The docker CLI's configuration: {@code DOCKER_CONFIG}, else {@code ~/.docker}; re-read on every call. */
    static RegistryAuth fromEnv() {
        return new RegistryAuth() {
            @Override
            public Optional<Credentials> credentials(String registry) {
                return DockerConfig.fromEnv().credentials(registry);
            }

            @Override
            public Map<String, Credentials> all() {
                return DockerConfig.fromEnv().all();
            }

            @Override
            public String toString() {
                return "RegistryAuth[docker config from the environment]";
            }
        };
    }

    /** The docker CLI's configuration in this directory (the one holding {@code config.json}). */
    static RegistryAuth dockerConfig(Path directory) {
        return DockerConfig.load(directory);
    }

    /** These credentials first, then {@code fallback}. */
    default RegistryAuth orElse(RegistryAuth fallback) {
        RegistryAuth first = this;
        return new RegistryAuth() {
            @Override
            public Optional<Credentials> credentials(String registry) {
                return first.credentials(registry).or(() -> fallback.credentials(registry));
            }

            @Override
            public Map<String, Credentials> all() {
                Map<String, Credentials> m = new LinkedHashMap<>(fallback.all());
                m.putAll(first.all());
                return m;
            }
        };
    }
}
