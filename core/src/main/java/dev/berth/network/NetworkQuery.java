package dev.berth.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.NetworkNotFoundException;
import dev.berth.PruneReport;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Errors;
import dev.berth.internal.Filters;
import dev.berth.internal.Prunes;
import dev.berth.internal.RawApi;
import dev.berth.network.internal.NetworkMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker network ls} with filters, and what acts on its selection ({@code rm}, {@code prune}). Filters of
 * one kind are ORed, different kinds ANDed, as in the engine.
 *
 * <pre>{@code
 * List<NetworkInfo> mine = engine.networks().label("team", "payments").driver("bridge").list();
 * PruneReport r = engine.networks().label("ci.run", runId).prune();
 * }</pre>
 */
public final class NetworkQuery {
    private static final Set<String> LIST = Set.of("name", "id", "label", "driver", "scope", "type");
    private static final Set<String> PRUNE = Set.of("label", "label!", "until");
    private final Engine engine;
    private final Filters filters = new Filters();
    private boolean dangling;

    private NetworkQuery(Engine engine) {
        this.engine = engine;
    }

    /** A query on the engine with no filters. */
    public static NetworkQuery of(Engine engine) {
        return new NetworkQuery(Objects.requireNonNull(engine, "engine"));
    }

    /** Only networks whose name contains this text (the engine matches substrings). */
    public NetworkQuery name(String name) {
        filters.add("name", name);
        return this;
    }

    /** Only the network with this id or id prefix. */
    public NetworkQuery id(String id) {
        filters.add("id", id);
        return this;
    }

    /** Only networks with this label key. */
    public NetworkQuery label(String key) {
        filters.add("label", key);
        return this;
    }

    /** Only networks with this label value. */
    public NetworkQuery label(String key, String value) {
        filters.add("label", key + "=" + Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Only networks without this label key; for {@link #prune()} only ({@code --filter label!=KEY}). */
    public NetworkQuery labelNot(String key) {
        filters.add("label!", key);
        return this;
    }

    /** Only networks without this label value; for {@link #prune()} only. */
    public NetworkQuery labelNot(String key, String value) {
        filters.add("label!", key + "=" + Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Only networks of this driver. */
    public NetworkQuery driver(String driver) {
        filters.add("driver", driver);
        return this;
    }

    /** Only networks of this scope: {@code local}, {@code swarm} or {@code global}. */
    public NetworkQuery scope(String scope) {
        filters.add("scope", scope);
        return this;
    }

    /** Only user-defined networks ({@code type=custom}). */
    public NetworkQuery custom() {
        filters.set("type", "custom");
        return this;
    }

    /** Only the engine's own networks, bridge, host and none ({@code type=builtin}). */
    public NetworkQuery builtIn() {
        filters.set("type", "builtin");
        return this;
    }

    /**
     * Only networks no running container is connected to, the built-in ones excepted: what {@link #prune()} would
     * remove. The engine's own {@code dangling=true} filter ignores connected containers (Docker 20.10 and 26 list a
     * network in use as dangling), so Berth inspects each listed network instead.
     */
    public NetworkQuery dangling() {
        this.dangling = true;
        return this;
    }

    /** Only networks created more than {@code age} ago; for {@link #prune()} only ({@code --filter until=}). */
    public NetworkQuery until(Duration age) {
        filters.set("until", Filters.duration(age));
        return this;
    }

    /** Only networks created by this engine session. */
    public NetworkQuery ownSession() {
        return label(Labels.SESSION, engine.sessionId());
    }

    /** The matching networks ({@code docker network ls}); their {@code containers} are empty, inspect for those. */
    public List<NetworkInfo> list() {
        filters.require(LIST, "docker network ls");
        try {
            List<NetworkInfo> out = new ArrayList<>();
            for (JsonNode n : RawApi.call(conn(), "GET", "/networks" + filters.query(), null).json()) {
                NetworkInfo info = NetworkMapping.info(n);
                if (!dangling || isDangling(info)) {
                    out.add(info);
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "network", filters.toString(), "list");
        }
    }

    private boolean isDangling(NetworkInfo listed) {
        if (listed.isBuiltIn()) {
            return false;
        }
        try {
            return new Network(engine, listed.id(), listed.name()).inspect().containers().isEmpty();
        } catch (NetworkNotFoundException removedMeanwhile) {
            return false;
        }
    }

    /** The ids of the matching networks ({@code docker network ls -q}). */
    public List<String> ids() {
        return list().stream().map(NetworkInfo::id).toList();
    }

    /** Handles on the matching networks. */
    public List<Network> networks() {
        return list().stream().map(n -> new Network(engine, n.id(), n.name())).toList();
    }

    /** The network with this name, id or id prefix, if it exists (filters do not apply). */
    public Optional<Network> find(String nameOrId) {
        Objects.requireNonNull(nameOrId, "nameOrId");
        try {
            JsonNode n = RawApi.call(conn(), "GET", "/networks/" + RawApi.q(nameOrId), null).json();
            return Optional.of(new Network(engine, n.path("Id").asText(), n.path("Name").asText()));
        } catch (RuntimeException e) {
            RuntimeException t = Errors.translate(e, "network", nameOrId, "inspect");
            if (t instanceof NetworkNotFoundException) {
                return Optional.empty();
            }
            throw t;
        }
    }

    /** The network with this name, id or id prefix; throws {@link NetworkNotFoundException} if there is none. */
    public Network get(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new NetworkNotFoundException(nameOrId, null));
    }

    /**
     * Removes every matching network ({@code docker network rm $(docker network ls -q …)}); returns their names.
     *
     * @throws BerthException naming those that could not be removed (e.g. still in use); the others are removed
     */
    public List<String> remove() {
        List<String> removed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Network n : networks()) {
            try {
                n.remove();
                removed.add(n.name());
            } catch (NetworkNotFoundException gone) {
                removed.add(n.name());
            } catch (RuntimeException e) {
                failed.add(e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new BerthException("Could not remove " + failed.size() + " networks: " + failed
                    + "; the others were removed");
        }
        return removed;
    }

    /**
     * Removes the matching networks no container uses ({@code docker network prune}); the engine's built-in networks
     * are never removed. Only label, labelNot and until filters apply.
     *
     * @throws IllegalStateException if another filter is set
     */
    public PruneReport prune() {
        filters.require(PRUNE, "docker network prune");
        return Prunes.networks(conn(), filters);
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }
}
