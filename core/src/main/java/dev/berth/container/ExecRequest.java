package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.WaitTimeoutException;
import dev.berth.internal.Errors;
import dev.berth.internal.Hijack;
import dev.berth.internal.RawApi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code docker exec} in a running container: set options, then {@link #run()} to block for the result or
 * {@link #start()} for a streaming session.
 */
public final class ExecRequest {
    private final Container container;
    private final List<String> command;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String user;
    private String workdir;
    private boolean tty;
    private boolean privileged;
    private byte[] stdin;
    private boolean interactive;

    ExecRequest(Container container, List<String> command) {
        this.container = container;
        this.command = List.copyOf(command);
        if (this.command.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
    }

    /** Sets an environment variable for the command ({@code -e}). */
    public ExecRequest env(String key, String value) {
        env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Runs the command as this user ({@code -u}). */
    public ExecRequest user(String user) {
        this.user = Objects.requireNonNull(user, "user");
        return this;
    }

    /** Runs the command in this directory ({@code -w}). */
    public ExecRequest workdir(String workdir) {
        this.workdir = Objects.requireNonNull(workdir, "workdir");
        return this;
    }

    /** Allocates a TTY ({@code -t}); stdout and stderr then arrive together on stdout. */
    public ExecRequest tty() {
        this.tty = true;
        return this;
    }

    /** Gives the command extended privileges ({@code --privileged}). */
    public ExecRequest privileged() {
        this.privileged = true;
        return this;
    }

    /** Feeds these bytes to the command's stdin, then end-of-file ({@code -i} with input). */
    public ExecRequest stdin(byte[] input) {
        this.stdin = Objects.requireNonNull(input, "input").clone();
        return this;
    }

    /** Feeds this text (UTF-8) to the command's stdin, then end-of-file. */
    public ExecRequest stdin(String input) {
        return stdin(input.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps stdin open for a {@link #start()}ed session ({@code -i}). */
    public ExecRequest interactive() {
        this.interactive = true;
        return this;
    }

    /** Runs the command to completion and returns exit code, stdout and stderr; blocks without limit. */
    public ExecResult run() {
        return run(null);
    }

    /**
     * Runs the command to completion and returns exit code, stdout and stderr.
     *
     * @throws WaitTimeoutException if it has not finished within {@code timeout}; the command keeps running
     */
    public ExecResult run(Duration timeout) {
        try (ExecSession session = open(stdin != null)) {
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(session.stderr()));
            if (stdin != null) {
                session.stdin().write(stdin);
                session.closeStdin();
            }
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(session.stdout()));
            byte[] o;
            byte[] e;
            try {
                o = timeout == null ? out.get() : out.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                e = err.get();
            } catch (TimeoutException te) {
                throw new WaitTimeoutException("exec " + command + " in '" + container.name() + "' to finish",
                        timeout, "still running", te);
            }
            return new ExecResult(session.waitFor(), new String(o, StandardCharsets.UTF_8),
                    new String(e, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while running " + command + " in '" + container.name() + "'", e);
        } catch (ExecutionException | IOException e) {
            throw new BerthException("Exec " + command + " in '" + container.name() + "' failed: "
                    + Errors.rootMessage(e), e);
        }
    }

    /** Starts the command and returns a streaming session (stdin if {@link #interactive()}, stdout, stderr, exit code). */
    public ExecSession start() {
        return open(interactive);
    }

    private ExecSession open(boolean attachStdin) {
        String execId;
        try {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("AttachStdin", attachStdin);
            body.put("AttachStdout", true);
            body.put("AttachStderr", true);
            body.put("Tty", tty);
            body.put("Privileged", privileged);
            body.put("Cmd", command);
            if (!env.isEmpty()) {
                List<String> list = new ArrayList<>();
                env.forEach((k, v) -> list.add(k + "=" + v));
                body.put("Env", list);
            }
            if (user != null) {
                body.put("User", user);
            }
            if (workdir != null) {
                body.put("WorkingDir", workdir);
            }
            execId = RawApi.callJson(container.conn(), "POST", "/containers/" + container.id() + "/exec", body)
                    .json().path("Id").asText();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", container.name(), "exec " + command + " in");
        }
        try {
            Hijack h = Hijack.post(container.conn(), "/exec/" + execId + "/start", Map.of("Detach", false, "Tty", tty));
            return new ExecSession(h, tty, container, execId, command);
        } catch (IOException e) {
            throw new BerthException("Cannot start exec " + command + " in '" + container.name() + "': "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", container.name(), "exec " + command + " in");
        }
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            in.transferTo(buf);
        } catch (IOException e) {
            // the stream ended abnormally; return what arrived
        }
        return buf.toByteArray();
    }

    /** A started exec: an {@link Attachment} plus the exit code. Must be closed. */
    public static final class ExecSession extends Attachment {
        private final Container container;
        private final String execId;
        private final List<String> command;

        ExecSession(Hijack hijack, boolean tty, Container container, String execId, List<String> command) {
            super(hijack, tty, "exec " + execId.substring(0, 12));
            this.container = container;
            this.execId = execId;
            this.command = command;
        }

        /** Waits for the command to end (its output to close) and returns its exit code. */
        public int waitFor() {
            awaitOutputEnd(Duration.ofDays(365));
            for (int i = 0; i < 200; i++) {
                com.fasterxml.jackson.databind.JsonNode r;
                try {
                    r = RawApi.call(container.conn(), "GET", "/exec/" + execId + "/json", null).json();
                } catch (RuntimeException e) {
                    throw Errors.translate(e, "container", container.name(), "inspect exec " + command + " in");
                }
                if (!r.path("Running").asBoolean(false) && r.path("ExitCode").isNumber()) {
                    return r.path("ExitCode").intValue();
                }
                // The engine records the exit code a moment after the output closes; poll briefly for it.
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BerthException("Interrupted while waiting for exec " + command, e);
                }
            }
            throw new BerthException("Exec " + command + " in '" + container.name()
                    + "' closed its output but the engine still reports it running");
        }
    }
}
