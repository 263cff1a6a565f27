package dev.berth.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.internal.Json;
import dev.berth.registry.Credentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code docker-credential-NAME} program with the protocol of docker/docker-credential-helpers: {@code get}
 * reads the server URL on stdin and prints {@code {"ServerURL","Username","Secret"}}; {@code list} prints a JSON map
 * of server URL to user name. A user name of {@code <token>} means the secret is an identity token.
 *
 * @param name       the helper's name ({@code pass} runs {@code docker-credential-pass})
 * @param searchPath the directories searched for the program, as PATH
 * @param timeout    how long the program may run
 */
public record CredentialHelper(String name, List<Path> searchPath, Duration timeout) {
    /** The message helpers print when they have nothing stored for the server. */
    public static final String NOT_FOUND = "credentials not found in native keychain";
    private static final String TOKEN_USER = "<token>";

    public CredentialHelper {
        searchPath = List.copyOf(searchPath);
    }

    /** The program's file name. */
    public String program() {
        return "docker-credential-" + name;
    }

    /** The stored credentials for the server URL, or empty if the helper has none. */
    public Optional<Credentials> get(String serverUrl) {
        Result r = run("get", serverUrl);
        if (r.exit != 0) {
            if (r.out.trim().equals(NOT_FOUND) || r.out.toLowerCase().contains("credentials not found")) {
                return Optional.empty();
            }
            throw new BerthException(program() + " get failed for " + serverUrl + " (exit " + r.exit + "): "
                    + firstLine(r.out.isBlank() ? r.err : r.out) + "; fix the helper, or remove it from credsStore/"
                    + "credHelpers in config.json and pass credentials explicitly");
        }
        JsonNode n;
        try {
            n = Json.read(r.out);
        } catch (IllegalArgumentException e) {
            // Never echo the output: it holds the secret.
            throw new BerthException(program() + " get printed something other than JSON for " + serverUrl
                    + "; check that it speaks the docker-credential-helpers protocol");
        }
        String user = n.path("Username").asText("");
        String secret = n.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(user.equals(TOKEN_USER) || user.isEmpty()
                ? Credentials.identityToken(secret) : Credentials.of(user, secret));
    }

    /** Every server URL the helper holds credentials for, with its user name. */
    public Map<String, String> list() {
        Result r = run("list", "");
        if (r.exit != 0) {
            throw new BerthException(program() + " list failed (exit " + r.exit + "): "
                    + firstLine(r.out.isBlank() ? r.err : r.out));
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Json.read(r.out).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText("")));
        } catch (IllegalArgumentException e) {
            throw new BerthException(program() + " list printed something other than a JSON object");
        }
        return out;
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String verb, String input) {
        Path exe = locate();
        Process p;
        try {
            p = new ProcessBuilder(exe.toString(), verb).start();
        } catch (IOException e) {
            throw new BerthException("Cannot run credential helper " + exe + ": " + e.getMessage()
                    + "; check that it is executable", e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the helper may exit without reading stdin; its exit code says what happened
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new BerthException(program() + " " + verb + " did not finish within " + timeout
                        + "; it may be waiting for a password prompt or a locked keychain");
            }
            return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while running " + program(), e);
        }
    }

    private Path locate() {
        for (Path dir : searchPath) {
            Path candidate = dir.resolve(program());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new BerthException("Credential helper " + program() + " is named in config.json but is not on the PATH ("
                + searchPath.size() + " directories searched); install it, or remove it from credsStore/credHelpers");
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            int n;
            while ((n = in.read(b)) > 0) {
                if (buf.size() < (1 << 20)) {
                    buf.write(b, 0, n);
                }
            }
            return buf.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl >= 0 ? t.substring(0, nl) : t;
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
