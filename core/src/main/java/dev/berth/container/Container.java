package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Statistics;
import dev.berth.BerthException;
import dev.berth.ContainerNotFoundException;
import dev.berth.Engine;
import dev.berth.WaitTimeoutException;
import dev.berth.container.internal.InspectMapping;
import dev.berth.container.internal.StatsMapping;
import dev.berth.image.Image;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
        return this;
    }

    /** Stops the container, killing it after {@code timeout} (whole seconds). */
    public Container stop(Duration timeout) {
        post("stop", "/containers/" + id + "/stop?t=" + timeout.toSeconds());
        return this;
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
            RawApi.call(engine, "DELETE", "/containers/" + id + "?force=" + set.contains(RemoveOption.FORCE)
                    + "&v=" + set.contains(RemoveOption.VOLUMES), null);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "remove");
        }
    }

    /** Waits until the container exits and returns its exit code; blocks without limit. */
    public int await() {
        // The engine's blocking wait on Berth's own connection; with a timeout, docker-java's cancellable wait.
        try {
            Object code = RawApi.call(engine, "POST", "/containers/" + id + "/wait", null).object().get("StatusCode");
            if (!(code instanceof Number n)) {
                throw new BerthException("The engine's wait for '" + name + "' returned no exit code");
            }
            return n.intValue();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "wait for");
        }
    }

    /**
     * Waits until the container exits and returns its exit code ({@code docker wait}).
     *
     * @throws WaitTimeoutException if it is still running after {@code timeout}
     */
    public int await(Duration timeout) {
        WaitContainerResultCallback cb;
        try {
            cb = client().waitContainerCmd(id).exec(new WaitContainerResultCallback());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "wait for");
        }
        try (cb) {
            return timeout == null ? cb.awaitStatusCode() : cb.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (com.github.dockerjava.api.exception.DockerClientException e) {
            if (e.getMessage() != null && e.getMessage().contains("timeout")) {
                throw new WaitTimeoutException("container '" + name + "' to exit", timeout, lastState(), e);
            }
            throw Errors.translate(e, "container", name, "wait for");
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "wait for");
        } catch (java.io.IOException e) {
            throw new BerthException("Cannot close the wait stream of '" + name + "'", e);
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
        AtomicReference<Statistics> got = new AtomicReference<>();
        try (var cb = client().statsCmd(id).withNoStream(true).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<Statistics>() {
            @Override
            public void onNext(Statistics s) {
                got.compareAndSet(null, s);
            }
        })) {
            cb.awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while reading stats of '" + name + "'", e);
        } catch (java.io.IOException | RuntimeException e) {
            throw Errors.translate(e instanceof RuntimeException re ? re : new RuntimeException(e), "container", name,
                    "read stats of");
        }
        if (got.get() == null) {
            throw new BerthException("The engine sent no stats for '" + name + "'; is the container running?");
        }
        return StatsMapping.map(got.get());
    }

    /** The processes running in the container ({@code docker top}). */
    public ProcessList top() {
        try {
            TopContainerResponse r = client().topContainerCmd(id).exec();
            List<List<String>> rows = r.getProcesses() == null ? List.of()
                    : Arrays.stream(r.getProcesses()).map(Arrays::asList).toList();
            return new ProcessList(Arrays.asList(r.getTitles()), rows);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "list processes of");
        }
    }

    /** Force-removes the container and its anonymous volumes; a container that is already gone is fine. */
    @Override
    public void close() {
        try {
            RawApi.call(engine, "DELETE", "/containers/" + id + "?force=true&v=true", null);
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

    InspectContainerResponse rawInspect() {
        // On Berth's own HTTP client, read into docker-java's model: inspecting is on every test fixture's start-up
        // path, and creating docker-java's client there cost about a second.
        try {
            return InspectMapping.parse(RawApi.call(engine, "GET", "/containers/" + RawApi.q(id) + "/json", null).body());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", name, "inspect");
        }
    }

    boolean inspectTty() {
        var config = rawInspect().getConfig();
        return config != null && Boolean.TRUE.equals(config.getTty());
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

    DockerClient client() {
        return engine.dockerClient();
    }

    private void post(String action, String path) {
        try {
            RawApi.call(engine, "POST", path, null);
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

    @Override
    public String toString() {
        return "Container[" + name + ", " + id.substring(0, Math.min(12, id.length())) + "]";
    }
}
