package dev.berth.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Docker Compose v2 binary ({@code BERTH_COMPOSE_V2}, default {@code /opt/berth-peers/compose-v2/docker-compose},
 * installed by {@code .ci/setup.d/compose-v2.sh}) with a clean environment. Tests that need it fail when it is missing.
 */
final class ComposePeer {
    static final String DEFAULT = "/opt/berth-peers/compose-v2/docker-compose";

    record Result(int exitCode, String stdout, String stderr) {
    }

    private ComposePeer() {
    }

    static Path binary() {
        String p = System.getProperty("BERTH_COMPOSE_V2", System.getenv().getOrDefault("BERTH_COMPOSE_V2", DEFAULT));
        Path bin = Path.of(p);
        if (!Files.isExecutable(bin)) {
            throw new AssertionError("Docker Compose v2 not found at " + bin + "; run .ci/setup.d/compose-v2.sh or set BERTH_COMPOSE_V2");
        }
        return bin;
    }

    static Result run(Path dir, List<String> args, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", System.getProperty("user.home"));
        // the engine the suite runs on (the peer must see Berth's containers); nothing else of this environment, so
        // interpolation sees only what a test gives it
        for (String engineVar : List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH")) {
            String value = System.getenv(engineVar);
            if (value != null) {
                pb.environment().put(engineVar, value);
            }
        }
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile("compose-out", ".txt");
            Path err = Files.createTempFile("compose-err", ".txt");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("docker compose timed out in " + dir);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run docker compose: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The {@code msg="…"} texts of logrus warnings on stderr, unescaped. */
    static List<String> warnings(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            int i = line.indexOf("level=warning msg=\"");
            if (i < 0) {
                continue;
            }
            String rest = line.substring(i + "level=warning msg=\"".length());
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < rest.length(); k++) {
                char c = rest.charAt(k);
                if (c == '\\' && k + 1 < rest.length()) {
                    char n = rest.charAt(++k);
                    b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                } else if (c == '"') {
                    break;
                } else {
                    b.append(c);
                }
            }
            if (!out.contains(b.toString())) {
                out.add(b.toString());
            }
        }
        return out;
    }
}
