package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
            return JsonValues.text(parse(file), "currentContext");
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
            JsonNode docker = JsonValues.at(parse(meta), "Endpoints", "docker");
            String host = JsonValues.str(docker, "Host");
            if (host.isEmpty()) {
                throw new IllegalArgumentException("Docker context '" + name + "' has no docker endpoint host in " + meta);
            }
            Path tls = configDir.resolve("contexts").resolve("tls").resolve(digest).resolve("docker");
            return new Endpoint(URI.create(host), JsonValues.bool(docker, "SkipTLSVerify"),
                    Files.isDirectory(tls) ? Optional.of(tls) : Optional.empty());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read docker context '" + name + "' from " + meta + ": "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Path file) throws IOException {
        return Json.read(Files.readAllBytes(file));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
