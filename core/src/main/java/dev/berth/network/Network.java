package dev.berth.network;

import dev.berth.Engine;
import dev.berth.NetworkNotFoundException;
import dev.berth.container.Container;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.network.internal.NetworkMapping;

import java.util.Objects;

/**
 * A handle on one network of one engine. Methods block until the engine has answered; the handle holds only the id
 * and name. {@link #close()} removes the network, so a handle works in try-with-resources.
 *
 * <pre>{@code
 * try (Network back = engine.network("back").internal().create()) {
 *     back.connect(db, EndpointSpec.builder().alias("database").build());
 * }
 * }</pre>
 */
public final class Network implements AutoCloseable {
    /** The engine's default bridge network ({@code docker0}); containers join it unless told otherwise. */
    public static final String BRIDGE = "bridge";
    /** The host's own network stack: no isolation, no published ports needed ({@code --network host}). */
    public static final String HOST = "host";
    /** No networking but loopback ({@code --network none}). */
    public static final String NONE = "none";

    private final Engine engine;
    private final String id;
    private final String name;

    /** A handle for an existing network; most callers get handles from {@code create()} or {@code networks()}. */
    public Network(Engine engine, String id, String name) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? id.substring(0, Math.min(12, id.length())) : name;
    }

    /** Whether the name is one of the engine's own networks, {@link #BRIDGE}, {@link #HOST} or {@link #NONE}. */
    public static boolean isBuiltIn(String name) {
        return BRIDGE.equals(name) || HOST.equals(name) || NONE.equals(name);
    }

    /** The full network id. */
    public String id() {
        return id;
    }

    /** The network name. */
    public String name() {
        return name;
    }

    /** The engine this network lives on. */
    public Engine engine() {
        return engine;
    }

    /** Everything the engine reports about the network, with its connected containers ({@code docker network inspect}). */
    public NetworkInfo inspect() {
        try {
            return NetworkMapping.info(RawApi.call(conn(), "GET", "/networks/" + RawApi.q(id), null).json());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "network", name, "inspect");
        }
    }

    /** Whether the network still exists. */
    public boolean exists() {
        try {
            inspect();
            return true;
        } catch (NetworkNotFoundException e) {
            return false;
        }
    }

    /** Connects a container with engine-chosen addresses and no aliases ({@code docker network connect}). */
    public Network connect(Container container) {
        return connect(container, EndpointSpec.DEFAULT);
    }

    /**
     * Connects a container with aliases and static addresses ({@code docker network connect --alias --ip --ip6});
     * a running container gets the address at once.
     *
     * @throws dev.berth.ConflictException if it is already connected
     */
    public Network connect(Container container, EndpointSpec endpoint) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(endpoint, "endpoint");
        try {
            RawApi.callJson(conn(), "POST", "/networks/" + RawApi.q(id) + "/connect",
                    NetworkMapping.connectBody(container.id(), endpoint));
        } catch (RuntimeException e) {
            throw Errors.translate(e, "network", name, "connect container '" + container.name() + "' to");
        }
        return this;
    }

    /** Disconnects a container; its address on this network is gone when this returns ({@code docker network disconnect}). */
    public Network disconnect(Container container) {
        Objects.requireNonNull(container, "container");
        try {
            RawApi.callJson(conn(), "POST", "/networks/" + RawApi.q(id) + "/disconnect",
                    NetworkMapping.disconnectBody(container.id(), false));
        } catch (RuntimeException e) {
            throw Errors.translate(e, "network", name, "disconnect container '" + container.name() + "' from");
        }
        return this;
    }

    /**
     * Removes the network ({@code docker network rm}).
     *
     * @throws dev.berth.ConflictException if containers are still connected
     */
    public void remove() {
        try {
            RawApi.call(conn(), "DELETE", "/networks/" + RawApi.q(id), null);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "network", name, "remove");
        }
    }

    /** Removes the network; one that is already gone is fine. */
    @Override
    public void close() {
        try {
            remove();
        } catch (NetworkNotFoundException gone) {
            // already removed
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.id.equals(id) && n.engine == engine;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }

    @Override
    public String toString() {
        return "Network[" + name + ", " + id.substring(0, Math.min(12, id.length())) + "]";
    }
}
