package dev.berth;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.berth.container.ContainerQuery;
import dev.berth.container.ContainerSpec;
import dev.berth.events.EventQuery;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import dev.berth.image.ImageQuery;
import dev.berth.image.internal.RegistryLogin;
import dev.berth.registry.Credentials;
import dev.berth.image.internal.ImageBuilds;
import dev.berth.internal.Cleanup;
import dev.berth.internal.Connection;
import dev.berth.internal.DockerJavaClient;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Errors;
import dev.berth.internal.Heartbeat;
import dev.berth.internal.RawApi;
import dev.berth.internal.Reaper;
import dev.berth.network.NetworkQuery;
import dev.berth.network.NetworkSpec;
import dev.berth.system.EngineSystem;
import dev.berth.volume.VolumeQuery;
import dev.berth.volume.VolumeSpec;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection to one Docker engine; thread-safe, {@link AutoCloseable}, and independent of any other engine.
 *
 * <pre>{@code
 * try (Engine engine = Engine.fromEnv()) {
 *     Container web = engine.container("nginx:1.25").publish(8080, 80).detached().run();
 * }
 * }</pre>
 *
 * <p>Every container, network, volume and image created through an engine carries the labels {@link Labels#MANAGED} and
 * {@link Labels#SESSION} with this engine's {@link #sessionId()}; {@link #cleanup()} removes them.
 *
 * <p>A session can also be made visible to other Berth sessions on the same engine ({@link #startHeartbeat()}), so
 * that if its JVM dies, the next session removes what it left ({@link #reapDeadSessions()}).
 */
public final class Engine implements AutoCloseable {
    static {
        EngineAccess.register(e -> ((Engine) e).connection, (parent, view) -> new Engine(view.config(), view));
    }

    private final EngineConfig config;
    private final Connection connection;
    private Heartbeat heartbeat;
    private volatile boolean closed;

    private Engine(EngineConfig config, Connection connection) {
        this.config = config;
        this.connection = connection;
    }

    /** Connects to the engine the environment names (DOCKER_HOST, contexts, …); fails fast if none answers. */
    public static Engine fromEnv() {
        return connect(EngineConfig.fromEnv());
    }

    /**
     * Connects to the configured engine, checks that it answers and negotiates the API version.
     *
     * @throws EngineUnavailableException if the engine does not answer
     */
    public static Engine connect(EngineConfig config) {
        Objects.requireNonNull(config, "config");
        return new Engine(config, Connection.open(config));
    }

    /** A fluent {@code docker run} for the image, bound to this engine. */
    public ContainerSpec.Builder container(String image) {
        return ContainerSpec.builder(this, image);
    }

    /** A fluent {@code docker run} starting from an existing spec, bound to this engine. */
    public ContainerSpec.Builder container(ContainerSpec spec) {
        return spec.toBuilder(this);
    }

    /** Lists, finds and acts on existing containers ({@code docker ps}, {@code docker stop $(docker ps -q)}). */
    public ContainerQuery containers() {
        return ContainerQuery.of(this);
    }

    /** Builds an image as {@code docker build} does; blocks until the build ends. */
    public Image build(BuildSpec spec) {
        return new Image(this, ImageBuilds.build(connection, spec));
    }

    /** A handle on an image by reference or id; does no I/O until a method is called. */
    public Image image(String reference) {
        return new Image(this, reference);
    }

    /**
     * Lists, finds and acts on many images ({@code docker images}, {@code rmi}, {@code save}, {@code load},
     * {@code import}, {@code image prune}).
     */
    public ImageQuery images() {
        return ImageQuery.of(this);
    }

    /**
     * Checks credentials with a registry through the engine, as {@code docker login} does, without storing them;
     * blocks. Returns the identity token the registry issued, if any.
     *
     * @throws UnauthorizedException if the registry refuses them (the message names the registry, never the secret)
     */
    public Optional<String> login(String registry, Credentials credentials) {
        return RegistryLogin.login(connection, registry, credentials);
    }

    /** A fluent {@code docker network create} for a network of this name, bound to this engine. */
    public NetworkSpec.Builder network(String name) {
        return NetworkSpec.builder(this, name);
    }

    /** A fluent {@code docker network create} starting from an existing spec, bound to this engine. */
    public NetworkSpec.Builder network(NetworkSpec spec) {
        return spec.toBuilder(this);
    }

    /** Lists, finds, removes and prunes networks ({@code docker network ls/rm/prune}). */
    public NetworkQuery networks() {
        return NetworkQuery.of(this);
    }

    /** A fluent {@code docker volume create} for a volume of this name, bound to this engine. */
    public VolumeSpec.Builder volume(String name) {
        return VolumeSpec.builder(this, Objects.requireNonNull(name, "name"));
    }

    /** A fluent {@code docker volume create} starting from an existing spec, bound to this engine. */
    public VolumeSpec.Builder volume(VolumeSpec spec) {
        return spec.toBuilder(this);
    }

    /** Lists, finds, removes and prunes volumes ({@code docker volume ls/rm/prune}). */
    public VolumeQuery volumes() {
        return VolumeQuery.of(this);
    }

    /** Engine-wide commands: info, version, disk usage and prune ({@code docker system}). */
    public EngineSystem system() {
        return EngineSystem.of(this);
    }

    /** The engine's event stream ({@code docker events}), filtered as configured. */
    public EventQuery events() {
        return EventQuery.of(this);
    }

    /** The engine's version and the negotiated API version. */
    public EngineVersion version() {
        checkOpen();
        try {
            JsonNode v = RawApi.call(EngineAccess.connection(this), "GET", "/version", null).json();
            return new EngineVersion(v.path("Version").asText(), v.path("ApiVersion").asText(),
                    v.path("MinAPIVersion").asText(), connection.apiVersion(), v.path("Os").asText(),
                    v.path("Arch").asText());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "engine", config.host().toString(), "query the version of");
        }
    }

    /** The API version used on this connection, negotiated with the engine unless pinned. */
    public String apiVersion() {
        return connection.apiVersion();
    }

    /** The unique id of this engine session, the value of the {@link Labels#SESSION} label. */
    public String sessionId() {
        return connection.sessionId();
    }

    /** The labels put on every resource this engine creates. */
    public Map<String, String> labels() {
        return connection.labels();
    }

    /** The configuration this engine was connected with. */
    public EngineConfig config() {
        return config;
    }

    /** Removes every container, network and volume this session created; blocks until done. */
    public CleanupReport cleanup() {
        checkOpen();
        return Cleanup.session(connection, connection.sessionId());
    }

    /**
     * Makes this session visible as live to other Berth sessions on the engine until {@link #close()}: a small
     * heartbeat volume (labelled {@link Labels#LEASE}) that a daemon thread renews every 10 s; blocks for the first.
     * Another session judges this one dead, and {@link #reapDeadSessions() reaps} what it created, only when its JVM
     * no longer runs (checked directly by a JVM in the same PID namespace) or, seen from elsewhere, when no heartbeat
     * is younger than 60 s by the engine's own clock. Idempotent.
     *
     * @throws EngineUnavailableException if the engine does not answer
     */
    public synchronized void startHeartbeat() {
        checkOpen();
        if (connection.isView()) {
            throw new IllegalStateException("Session " + connection.sessionId() + " is a view for resources that"
                    + " outlive sessions; start the heartbeat on the engine it was made from");
        }
        if (heartbeat == null) {
            heartbeat = Heartbeat.start(connection);
        }
    }

    /**
     * Removes the containers (with their anonymous volumes), networks and volumes of every Berth session on the
     * engine that published a heartbeat and has since died (see {@link #startHeartbeat()}); sessions that never
     * published one, and live ones, are left alone. Cheap when nothing is dead: one filtered volume listing. Blocks.
     *
     * @throws BerthException naming what could not be removed; the next call retries it
     */
    public CleanupReport reapDeadSessions() {
        checkOpen();
        try {
            return Reaper.reap(connection);
        } catch (BerthException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "engine", config.host().toString(), "reap dead sessions on");
        }
    }

    /**
     * Escape hatch: docker-java's client on this connection, for calls Berth does not offer; created on first call.
     * docker-java is an optional dependency: add {@code com.github.docker-java:docker-java-core} and
     * {@code docker-java-transport-httpclient5} (3.7.1) to use this. It stays owned by this engine; do not close it.
     *
     * @throws BerthException if docker-java is not on the class path
     */
    public DockerClient dockerClient() {
        checkOpen();
        try {
            return DockerJavaClient.of(connection);
        } catch (NoClassDefFoundError e) {
            throw new BerthException(DockerJavaClient.MISSING, e);
        }
    }

    /** Closes the connection, first removing this session's resources if {@code cleanupOnClose} was set. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (connection.isView()) {
            closed = true; // the parent engine owns the connection
            return;
        }
        Heartbeat beat;
        synchronized (this) {
            beat = heartbeat;
            heartbeat = null;
        }
        try {
            if (beat != null) {
                beat.stop();
            }
            if (config.cleanupOnClose()) {
                cleanup();
            }
            if (beat != null) {
                beat.close(); // last; skipped if cleanup failed, so the leftovers stay visible to the next session
            }
        } finally {
            closed = true;
            connection.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This engine (" + config.host() + ") is closed; connect a new one");
        }
    }

    @Override
    public String toString() {
        return "Engine[" + config.host() + ", API " + connection.apiVersion() + ", session " + connection.sessionId()
                + "]";
    }
}
