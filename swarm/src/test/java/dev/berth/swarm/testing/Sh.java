package dev.berth.swarm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs host commands (ip, iptables, nsenter, docker) for the test harness; every call is bounded in time. */
public final class Sh {
    private Sh() {
    }

    /** A finished command. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    /** Runs the command, merging stderr into the output; never throws for a non-zero exit. */
    public static Result run(Duration timeout, String... command) {
        try {
            Path out = Files.createTempFile("berth-sh", ".out");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    return new Result(-1, "timed out after " + timeout + ": " + String.join(" ", command));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Runs the command with a 60 s bound and fails the test if it fails. */
    public static String must(String... command) {
        Result r = run(Duration.ofSeconds(60), command);
        if (!r.ok()) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` failed (" + r.exit() + "): "
                    + r.output().trim());
        }
        return r.output();
    }

    /** Runs the command with a 30 s bound, ignoring failure (teardown steps). */
    public static Result quiet(String... command) {
        return run(Duration.ofSeconds(30), command);
    }

    /** The command as one list, for callers that build it. */
    public static String[] of(List<String> command) {
        return command.toArray(String[]::new);
    }
}
