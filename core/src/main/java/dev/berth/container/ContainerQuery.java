package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.Filters;
import dev.berth.internal.JsonValues;
import dev.berth.internal.RawApi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code docker ps} with filters, and batch actions on what it selects ({@code docker stop $(docker ps -aq)}).
 * Filters of one kind are ORed, different kinds ANDed, as in the engine. Running containers only unless {@link #all()}.
 */
public final class ContainerQuery {
    private final Engine engine;
    private boolean all;
    private final Filters filters = new Filters();

    private ContainerQuery(Engine engine) {
        this.engine = engine;
    }

    /** A query on the engine: running containers, no filters. */
    public static ContainerQuery of(Engine engine) {
        return new ContainerQuery(Objects.requireNonNull(engine, "engine"));
    }

    /** Includes stopped containers ({@code -a}). */
    public ContainerQuery all() {
        this.all = true;
        return this;
    }

    /** Only containers with this label key. */
    public ContainerQuery label(String key) {
        return filter("label", key);
    }

    /** Only containers with this label value. */
    public ContainerQuery label(String key, String value) {
        return filter("label", key + "=" + value);
    }

    /** Only containers whose name contains this text (the engine's name filter matches substrings and regexes). */
    public ContainerQuery name(String name) {
        return filter("name", name);
    }

    /** Only containers in this state: created, restarting, running, removing, paused, exited or dead. Implies all. */
    public ContainerQuery status(ContainerState state) {
        all = true;
        return filter("status", state.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Only containers created from this image (or one of its descendants). */
    public ContainerQuery ancestor(String image) {
        return filter("ancestor", image);
    }

    /** Only containers attached to this network (name or id). */
    public ContainerQuery network(String network) {
        return filter("network", network);
    }

    /** Only containers mounting this volume (name) or this path in the container. */
    public ContainerQuery volume(String volume) {
        return filter("volume", volume);
    }

    /** Only containers created by this engine session. */
    public ContainerQuery ownSession() {
        return label(dev.berth.Labels.SESSION, engine.sessionId());
    }

    private ContainerQuery filter(String key, String value) {
        filters.add(key, value);
        return this;
    }

    /** The matching containers ({@code docker ps}). */
    public List<ContainerSummary> list() {
        String query = filters.query();
        String path = "/containers/json" + query + (all ? (query.isEmpty() ? "?" : "&") + "all=1" : "");
        try {
            List<ContainerSummary> out = new ArrayList<>();
            RawApi.call(conn(), "GET", path, null).json().forEach(c -> out.add(summary(c)));
            return out;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", filters.toString(), "list");
        }
    }

    /** The ids of the matching containers ({@code docker ps -q}). */
    public List<String> ids() {
        return list().stream().map(ContainerSummary::id).toList();
    }

    /** Handles on the matching containers. */
    public List<Container> containers() {
        return list().stream().map(s -> new Container(engine, s.id(), s.name())).toList();
    }

    /** The container with this name or id, if it exists (filters do not apply). */
    public Optional<Container> find(String nameOrId) {
        try {
            JsonNode r = RawApi.call(conn(), "GET", "/containers/" + RawApi.q(nameOrId) + "/json", null).json();
            return Optional.of(new Container(engine, r.path("Id").asText(), r.path("Name").asText().replaceFirst("^/", "")));
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                return Optional.empty();
            }
            throw Errors.translate(e, "container", nameOrId, "inspect");
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", nameOrId, "inspect");
        }
    }

    /** The container with this name or id; throws {@link dev.berth.ContainerNotFoundException} if there is none. */
    public Container get(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new dev.berth.ContainerNotFoundException(nameOrId, null));
    }

    /** Stops every matching container, in parallel; returns their ids. */
    public List<String> stop() {
        return each("stop", Container::stop);
    }

    /** Starts every matching container, in parallel; implies {@link #all()}. */
    public List<String> start() {
        all = true;
        return each("start", Container::start);
    }

    /** Kills every matching container, in parallel. */
    public List<String> kill() {
        return each("kill", Container::kill);
    }

    /** Removes every matching container, in parallel ({@code docker rm $(docker ps -aq)}); implies {@link #all()}. */
    public List<String> remove(RemoveOption... options) {
        all = true;
        return each("remove", c -> c.remove(options));
    }

    private List<String> each(String action, Consumer<Container> op) {
        List<Container> targets = containers();
        if (targets.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, targets.size()));
        try {
            List<CompletableFuture<String>> futures = targets.stream().map(c -> CompletableFuture.supplyAsync(() -> {
                op.accept(c);
                return c.id();
            }, pool).exceptionally(e -> {
                throw new BerthException(c.name() + ": " + Errors.rootMessage(e), e);
            })).toList();
            List<String> done = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (CompletableFuture<String> f : futures) {
                try {
                    done.add(f.join());
                } catch (RuntimeException e) {
                    failed.add(Errors.rootMessage(e));
                }
            }
            if (!failed.isEmpty()) {
                throw new BerthException("Could not " + action + " " + failed.size() + " of " + targets.size()
                        + " containers: " + failed + "; the others succeeded");
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }

    private static ContainerSummary summary(JsonNode c) {
        List<PublishedPort> ports = new ArrayList<>();
        for (JsonNode p : c.path("Ports")) {
            if (p.hasNonNull("PublicPort")) {
                ports.add(new PublishedPort(p.path("PrivatePort").asInt(), Protocol.parse(p.path("Type").asText("tcp")),
                        p.path("IP").asText(""), p.path("PublicPort").asInt()));
            }
        }
        List<String> names = JsonValues.list(c.path("Names")).stream().map(n -> n.replaceFirst("^/", "")).toList();
        String state = c.path("State").asText("");
        return new ContainerSummary(c.path("Id").asText(), names, c.path("Image").asText(""),
                state.isEmpty() ? ContainerState.CREATED : ContainerState.parse(state), c.path("Status").asText(""),
                JsonValues.strings(c.path("Labels")), ports, Instant.ofEpochSecond(c.path("Created").asLong(0)));
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }
}
