package dev.berth.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Reads docker CLI contexts: {@code config.json}'s currentContext and {@code contexts/meta/<sha256(name)>/meta.json}. */
public final class DockerContexts {

    private DockerContexts() {
    }

    /** A context's docker endpoint. */
    public record Endpoint(URI host, boolean skipTlsVerify, Optional<Path> tlsDir) {
    }

    /** The {@code currentContext} named in {@code config.json}, if any. */
    public static Optional<String> currentContext(Path configDir) {
        Path file = configDir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Object node = parse(file).get("currentContext");
            return node instanceof String n && !n.isEmpty() ? Optional.of(n) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read docker config " + file + ": " + e.getMessage()
                    + "; fix or remove the file", e);
        }
    }

    /** The docker endpoint of the named context, read from {@code configDir/contexts}. */
    public static Endpoint endpoint(Path configDir, String name) {
        String digest = sha256(name);
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(digest).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new IllegalArgumentException("Docker context '" + name + "' does not exist (no " + meta
                    + "); list contexts with `docker context ls` or unset DOCKER_CONTEXT");
        }
        try {
            Map<String, Object> docker = map(map(parse(meta).get("Endpoints")).get("docker"));
            String host = docker.get("Host") instanceof String h ? h : "";
            if (host.isEmpty()) {
                throw new IllegalArgumentException("Docker context '" + name + "' has no docker endpoint host in " + meta);
            }
            Path tls = configDir.resolve("contexts").resolve("tls").resolve(digest).resolve("docker");
            return new Endpoint(URI.create(host), Boolean.TRUE.equals(docker.get("SkipTLSVerify")),
                    Files.isDirectory(tls) ? Optional.of(tls) : Optional.empty());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read docker context '" + name + "' from " + meta + ": "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parse(Path file) throws IOException {
        return map(Json.parse(Files.readString(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
