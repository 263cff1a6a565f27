package dev.berth.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerPort;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.internal.Errors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, List<String>> filters = new LinkedHashMap<>();

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
        filters.computeIfAbsent(key, k -> new ArrayList<>()).add(Objects.requireNonNull(value, key));
        return this;
    }

    /** The matching containers ({@code docker ps}). */
    public List<ContainerSummary> list() {
        ListContainersCmd cmd = engine.dockerClient().listContainersCmd().withShowAll(all);
        filters.forEach(cmd::withFilter);
        try {
            return cmd.exec().stream().map(ContainerQuery::summary).toList();
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
            InspectContainerResponse r = engine.dockerClient().inspectContainerCmd(nameOrId).exec();
            return Optional.of(new Container(engine, r.getId(), r.getName().replaceFirst("^/", "")));
        } catch (NotFoundException e) {
            return Optional.empty();
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

    private static ContainerSummary summary(com.github.dockerjava.api.model.Container c) {
        List<PublishedPort> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                if (p.getPublicPort() != null) {
                    ports.add(new PublishedPort(p.getPrivatePort(), Protocol.parse(p.getType()),
                            p.getIp() == null ? "" : p.getIp(), p.getPublicPort()));
                }
            }
        }
        List<String> names = c.getNames() == null ? List.of()
                : Arrays.stream(c.getNames()).map(n -> n.replaceFirst("^/", "")).toList();
        return new ContainerSummary(c.getId(), names, c.getImage(),
                c.getState() == null ? ContainerState.CREATED : ContainerState.parse(c.getState()),
                c.getStatus() == null ? "" : c.getStatus(), c.getLabels() == null ? Map.of() : c.getLabels(), ports,
                Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated()));
    }
}
