package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.ContainerNotFoundException;
import dev.berth.Engine;
import dev.berth.WaitTimeoutException;
import dev.berth.container.internal.InspectMapping;
import dev.berth.container.internal.RecordedState;
import dev.berth.container.internal.StatsMapping;
import dev.berth.image.Image;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.JsonValues;
import dev.berth.internal.RawApi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A handle on one container of one engine. Methods block until the engine has answered; the handle holds no state
 * besides the id, so it stays valid across restarts. {@link #close()} force-removes the container and its anonymous
 * volumes, so a handle works in try-with-resources.
 */
public final class Container implements AutoCloseable {
    private final Engine engine;
    private final String id;
    private final String name;

    /** A handle for an existing container id; most callers get handles from {@code run()} or {@code containers()}. */
    public Container(Engine engine, String id, String name) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? id.substring(0, Math.min(12, id.length())) : name;
    }

    /** The full container id. */
    public String id() {
        return id;
    }

    /** The container name, or the short id if it had none when the handle was made. */
    public String name() {
        return name;
    }

    /** The engine this container lives on. */
    public Engine engine() {
        return engine;
    }

    /** Everything the engine reports about the container ({@code docker inspect}). */
    public ContainerInfo inspect() {
        return InspectMapping.map(rawInspect());
    }

    /** The current lifecycle state. */
    public ContainerState state() {
        return inspect().state();
    }

    /** Whether the container is running. */
    public boolean isRunning() {
        return inspect().isRunning();
    }

    /** The host port the container TCP port is published on; fails if it is not published. */
    public int hostPort(int containerPort) {
        return hostPort(containerPort, Protocol.TCP);
    }

    /** The host port a container port is published on; fails if it is not published. */
    public int hostPort(int containerPort, Protocol protocol) {
        ContainerInfo info = inspect();
        return info.hostPort(containerPort, protocol).orElseThrow(() -> new BerthException("Container '" + name
                + "' does not publish " + containerPort + "/" + protocol.wireName() + " (published: " + info.ports()
                + "); publish it with .publish(" + containerPort + ")"));
    }

    /** The container's IPv4 address on the named network, or empty if it is not attached there. */
    public String ipAddress(String network) {
        NetworkEndpoint ep = inspect().networks().get(network);
        return ep == null ? "" : ep.ipAddress();
    }

    /** Starts the container; does nothing if it is already running. */
    public Container start() {
        // 304 (already running) is not an error, as with docker start.
        post("start", "/containers/" + id + "/start");
        return this;
    }

    /** Stops the container with its configured grace period (SIGTERM, then SIGKILL); a stopped container is left as is. */
    public Container stop() {
        post("stop", "/containers/" + id + "/stop");
        awaitRecordedState();
        return this;
    }

    /** Stops the container, killing it after {@code timeout} (whole seconds). */
    public Container stop(Duration timeout) {
        post("stop", "/containers/" + id + "/stop?t=" + timeout.toSeconds());
        awaitRecordedState();
        return this;
    }

    /** Returns once a list agrees with the stop just made (see {@link RecordedState}). */
    private void awaitRecordedState() {
        try {
            RecordedState.await(conn(), id);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "inspect");
        }
    }

    /** Restarts the container with its configured grace period. */
    public Container restart() {
        post("restart", "/containers/" + id + "/restart");
        return this;
    }

    /** Restarts the container, killing it after {@code timeout} if it does not stop. */
    public Container restart(Duration timeout) {
        post("restart", "/containers/" + id + "/restart?t=" + timeout.toSeconds());
        return this;
    }

    /** Sends SIGKILL. */
    public Container kill() {
        return kill("SIGKILL");
    }

    /** Sends the signal, e.g. {@code SIGHUP} or {@code 9}. */
    public Container kill(String signal) {
        Objects.requireNonNull(signal, "signal");
        post("kill", "/containers/" + id + "/kill?signal=" + RawApi.q(signal));
        return this;
    }

    /** Freezes all processes in the container. */
    public Container pause() {
        post("pause", "/containers/" + id + "/pause");
        return this;
    }

    /** Thaws a paused container. */
    public Container unpause() {
        post("unpause", "/containers/" + id + "/unpause");
        return this;
    }

    /** Renames the container and returns a handle carrying the new name. */
    public Container rename(String newName) {
        String checked = ContainerSpec.builder("x").name(newName).build().name().orElseThrow();
        post("rename", "/containers/" + id + "/rename?name=" + RawApi.q(checked));
        return new Container(engine, id, checked);
    }

    /** Removes the container ({@code docker rm}); {@link RemoveOption#FORCE} kills it first if running. */
    public void remove(RemoveOption... options) {
        Set<RemoveOption> set = Set.of(options);
        try {
            RawApi.call(conn(), "DELETE", "/containers/" + id + "?force=" + set.contains(RemoveOption.FORCE)
                    + "&v=" + set.contains(RemoveOption.VOLUMES), null);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "remove");
        }
    }

    /** Waits until the container exits and returns its exit code ({@code docker wait}); blocks without limit. */
    public int await() {
        return await(Duration.ZERO);
    }

    /**
     * Waits until the container exits and returns its exit code ({@code docker wait}); {@link Duration#ZERO} waits
     * without limit.
     *
     * @throws WaitTimeoutException if it is still running after {@code timeout}
     */
    public int await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        try {
            // The engine's blocking wait; the read timeout ends it when the container has not exited in time.
            JsonNode code = RawApi.call(conn(), "POST", "/containers/" + id + "/wait", null, timeout).json()
                    .get("StatusCode");
            if (code == null || !code.isNumber()) {
                throw new BerthException("The engine's wait for '" + name + "' returned no exit code");
            }
            return code.intValue();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.net.SocketTimeoutException) {
                throw new WaitTimeoutException("container '" + name + "' to exit", timeout, lastState(), e);
            }
            throw Errors.translate(e, "container", name, "wait for");
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "wait for");
        }
    }

    /** The container's output ({@code docker logs}); configure, then {@code fetch()} or {@code follow(…)}. */
    public LogsRequest logs() {
        return new LogsRequest(this);
    }

    /** Prepares a command to run inside the running container ({@code docker exec}); never split on spaces. */
    public ExecRequest exec(String... command) {
        return new ExecRequest(this, Arrays.asList(command));
    }

    /** Prepares a command to run inside the running container. */
    public ExecRequest exec(List<String> command) {
        return new ExecRequest(this, command);
    }

    /**
     * Attaches to the running container's stdin, stdout and stderr ({@code docker attach}); the returned attachment
     * must be closed.
     */
    public Attachment attach() {
        return Attachment.open(this, inspectTty(), true, false);
    }

    /**
     * Copies a host file or directory into the container ({@code docker cp SRC CONTAINER:DEST}): into {@code dest} if
     * it is an existing directory, otherwise as {@code dest}.
     */
    public Container copyTo(Path source, String dest) {
        ContainerFiles.copyTo(this, source, dest);
        return this;
    }

    /**
     * Copies a file or directory out of the container ({@code docker cp CONTAINER:SRC DEST}): into {@code dest} if it
     * is an existing directory, otherwise as {@code dest}.
     */
    public Container copyFrom(String source, Path dest) {
        ContainerFiles.copyFrom(this, source, dest);
        return this;
    }

    /** Creates an image from the container's changes ({@code docker commit}), tagged {@code reference}. */
    public Image commit(String reference) {
        return commit(reference, CommitOptions.defaults());
    }

    /** Creates an image from the container's changes with message, author and config changes. */
    public Image commit(String reference, CommitOptions options) {
        return ContainerFiles.commit(this, reference, options);
    }

    /** One resource-usage sample ({@code docker stats --no-stream}); blocks about a second while the engine samples. */
    public ContainerStats stats() {
        JsonNode sample;
        try {
            sample = RawApi.call(conn(), "GET", "/containers/" + id + "/stats?stream=false", null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "read stats of");
        }
        if (sample == null || sample.path("read").asText("").startsWith("0001-01-01")) {
            throw new BerthException("The engine sent no stats for '" + name + "'; is the container running?");
        }
        return StatsMapping.map(sample);
    }

    /** The processes running in the container ({@code docker top}). */
    public ProcessList top() {
        try {
            JsonNode r = RawApi.call(conn(), "GET", "/containers/" + id + "/top", null).json();
            List<List<String>> rows = new java.util.ArrayList<>();
            r.path("Processes").forEach(p -> rows.add(JsonValues.list(p)));
            return new ProcessList(JsonValues.list(r.path("Titles")), rows);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "list processes of");
        }
    }

    /** Force-removes the container and its anonymous volumes; a container that is already gone is fine. */
    @Override
    public void close() {
        try {
            RawApi.call(conn(), "DELETE", "/containers/" + id + "?force=true&v=true", null);
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                return; // already removed, e.g. by --rm
            }
            if (!Errors.rootMessage(e).contains("already in progress")) {
                throw Errors.translate(e, "container", name, "remove");
            }
        } catch (RuntimeException e) {
            if (!Errors.rootMessage(e).contains("already in progress")) {
                throw Errors.translate(e, "container", name, "remove");
            }
        }
    }

    JsonNode rawInspect() {
        try {
            return RawApi.call(conn(), "GET", "/containers/" + id + "/json", null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "inspect");
        }
    }

    boolean inspectTty() {
        return rawInspect().path("Config").path("Tty").asBoolean(false);
    }

    String lastState() {
        try {
            return inspect().summary();
        } catch (ContainerNotFoundException gone) {
            return "removed";
        } catch (RuntimeException e) {
            return "unknown (" + Errors.rootMessage(e) + ")";
        }
    }

    private void post(String action, String path) {
        try {
            RawApi.call(conn(), "POST", path, null);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, action);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Container c && c.id.equals(id) && c.engine == engine;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** The connection behind this container's engine, for the package's requests. */
    Connection conn() {
        return EngineAccess.connection(engine);
    }

    @Override
    public String toString() {
        return "Container[" + name + ", " + id.substring(0, Math.min(12, id.length())) + "]";
    }
}
