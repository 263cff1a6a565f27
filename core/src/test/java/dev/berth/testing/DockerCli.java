package dev.berth.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The docker CLI, the reference a test checks Berth against: it talks to the engine {@code DOCKER_HOST} names, as the
 * suite does (on Docker 20.10 and on Docker 26).
 */
public final class DockerCli {
    private DockerCli() {
    }

    /** {@code docker ARGS}' output (stdout and stderr), trimmed; fails the test unless it exits 0 within 60 s. */
    public static String run(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("docker " + List.of(args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
