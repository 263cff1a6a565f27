package dev.berth.registry.internal;

import dev.berth.image.ImageRef;

import java.util.Locale;
import java.util.Set;

/** Registry names as the docker CLI normalises them: host[:port], with Docker Hub's aliases folded to one. */
public final class RegistryKeys {
    /** Docker Hub as Berth names it. */
    public static final String DOCKER_HUB = "docker.io";
    /** The key config.json and credential helpers use for Docker Hub. */
    public static final String HUB_CONFIG_KEY = "https://index.docker.io/v1/";
    private static final Set<String> HUB_ALIASES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private RegistryKeys() {
    }

    /** {@code https://Host:5000/v1/} → {@code host:5000}; any Docker Hub spelling → {@code docker.io}. */
    public static String hostname(String registry) {
        String s = registry.trim();
        if (s.startsWith("http://")) {
            s = s.substring(7);
        } else if (s.startsWith("https://")) {
            s = s.substring(8);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return HUB_ALIASES.contains(lower) ? DOCKER_HUB : s;
    }

    /** The registry an image reference lives in. */
    public static String registryOf(ImageRef ref) {
        return hostname(ref.registry().orElse(DOCKER_HUB));
    }

    /** The key config.json, credential helpers and the engine use for a registry. */
    public static String configKey(String registry) {
        String host = hostname(registry);
        return host.equals(DOCKER_HUB) ? HUB_CONFIG_KEY : host;
    }
}
