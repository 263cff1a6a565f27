package dev.berth.swarm;

import dev.berth.Engine;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Json;
import dev.berth.internal.JsonValues;
import dev.berth.network.internal.NetworkCalls;
import dev.berth.swarm.internal.ClusterJson;
import dev.berth.swarm.internal.FileObjects;
import dev.berth.swarm.internal.NetworkJson;
import dev.berth.swarm.internal.NodeOps;
import dev.berth.swarm.internal.ServiceOps;
import dev.berth.swarm.internal.SwarmApi;

import java.util.List;
import java.util.Objects;

/**
 * Swarm mode on one engine: the cluster ({@code docker swarm}), its nodes, services, secrets, configs, overlay
 * networks and stacks. Every method does I/O on the engine; most need it to be a manager.
 *
 * <pre>{@code
 * Swarm swarm = Swarm.on(engine);
 * swarm.init();
 * Service web = swarm.service("nginx:1.25").name("web").replicas(3).publish(8080, 80).create();
 * web.awaitConverged(Duration.ofMinutes(1));
 * swarm.stacks().deploy(Compose.load(LoadOptions.of(Path.of("compose.yaml"))));
 * swarm.leave(true);
 * }</pre>
 *
 * <p>Berth speaks the Engine API's swarm endpoints directly (docker-java lacks several, and its models drop fields
 * they do not know); it needs API 1.41 (Docker 20.10) or newer. Thread-safe; several swarms (one per engine) can be
 * driven from one JVM.
 */
public final class Swarm {
    private final Engine engine;
    private final SwarmApi api;

    private Swarm(Engine engine) {
        this.engine = engine;
        this.api = new SwarmApi(engine);
    }

    /** Swarm mode on {@code engine}; does no I/O. */
    public static Swarm on(Engine engine) {
        return new Swarm(Objects.requireNonNull(engine, "engine"));
    }

    /** The engine this swarm view talks to. */
    public Engine engine() {
        return engine;
    }

    /** This engine's swarm state ({@code docker info}): inactive, active, locked, … Works on any engine. */
    public SwarmInfo info() {
        return ClusterJson.info(api.get("/info", "engine", engine.config().host().toString(), "query"));
    }

    /** Starts a new swarm with this engine as its first manager ({@code docker swarm init}); returns the node id. */
    public String init() {
        return init(SwarmInit.defaults());
    }

    /** Starts a new swarm with these options; returns this node's id. */
    public String init(SwarmInit options) {
        Objects.requireNonNull(options, "options");
        return api.post("/swarm/init", ClusterJson.init(options), "swarm", "", "initialise").json().asText();
    }

    /** Joins an existing swarm as a worker or manager, depending on the token ({@code docker swarm join}). */
    public void join(SwarmJoin join) {
        Objects.requireNonNull(join, "join");
        api.post("/swarm/join", ClusterJson.join(join), "swarm", "", "join");
    }

    /**
     * Leaves the swarm ({@code docker swarm leave}); {@code force} is needed for the last manager, which ends the
     * swarm and removes its services.
     */
    public void leave(boolean force) {
        api.post("/swarm/leave?force=" + force, null, "swarm", "", "leave");
    }

    /** The swarm's settings and join tokens ({@code docker swarm inspect}). */
    public Cluster inspect() {
        return ClusterJson.cluster(api.get("/swarm", "swarm", "", "inspect"));
    }

    /** The current join tokens ({@code docker swarm join-token}). */
    public JoinTokens joinTokens() {
        return inspect().joinTokens();
    }

    /** Changes the swarm: token and key rotation, autolock, task history ({@code docker swarm update}). */
    public Cluster update(ClusterUpdate update) {
        Objects.requireNonNull(update, "update");
        var current = api.get("/swarm", "swarm", "", "inspect");
        long version = JsonValues.at(current, "Version").path("Index").asLong();
        api.post("/swarm/update" + ClusterJson.updateQuery(version, update), ClusterJson.updatedSpec(current, update),
                "swarm", "", "update");
        return inspect();
    }

    /** The key that unlocks a restarted manager when autolock is on ({@code docker swarm unlock-key}); keep it secret. */
    public String unlockKey() {
        return JsonValues.str(api.get("/swarm/unlockkey", "swarm", "", "read the unlock key of"), "UnlockKey");
    }

    /** Unlocks a manager that restarted with autolock on ({@code docker swarm unlock}). */
    public void unlock(String key) {
        Objects.requireNonNull(key, "key");
        api.post("/swarm/unlock", Json.object().put("UnlockKey", key), "swarm", "", "unlock");
    }

    /** The swarm's nodes ({@code docker node ls}). */
    public List<NodeInfo> nodes() {
        return new NodeOps(api).list();
    }

    /** A handle on a node by id or hostname; does no I/O. */
    public Node node(String idOrHostname) {
        return new Node(new NodeOps(api), Objects.requireNonNull(idOrHostname, "idOrHostname"));
    }

    /** A handle on this engine's own node. */
    public Node self() {
        return node(info().nodeId().orElseThrow(() -> new NotSwarmManagerException("The engine at "
                + engine.config().host() + " is not part of a swarm; call init() or join(…) first", null)));
    }

    /** A fluent {@code docker service create} for the image, bound to this swarm. */
    public ServiceSpec.Builder service(String image) {
        return new ServiceSpec.Builder(this, image);
    }

    /** A fluent {@code docker service create} starting from a spec, bound to this swarm. */
    public ServiceSpec.Builder service(ServiceSpec spec) {
        return new ServiceSpec.Builder(this, Objects.requireNonNull(spec, "spec"));
    }

    /** Lists and looks up services ({@code docker service ls}, {@code docker service inspect}). */
    public ServiceQuery services() {
        return new ServiceQuery(api);
    }

    /** The swarm's secrets. */
    public Secrets secrets() {
        return new Secrets(FileObjects.secrets(api));
    }

    /** The swarm's configs. */
    public Configs configs() {
        return new Configs(FileObjects.configs(api));
    }

    /** A fluent {@code docker network create -d overlay}, bound to this swarm. */
    public OverlayNetworkSpec.Builder network(String name) {
        return new OverlayNetworkSpec.Builder(this, name);
    }

    /** Stacks deployed from compose projects ({@code docker stack}). */
    public Stacks stacks() {
        return new Stacks(this, api);
    }

    Service create(ServiceSpec spec) {
        String id = new ServiceOps(api).create(spec);
        return new Service(api, id, spec.name().orElseGet(() -> services().get(id).name()));
    }

    OverlayNetwork create(OverlayNetworkSpec spec) {
        String id = JsonValues.str(api.post("/networks/create", NetworkJson.create(spec, engine.labels()), "network",
                spec.name(), "create").json(), "Id");
        NetworkCalls.awaitAllocated(EngineAccess.connection(engine), id, spec.name());
        return new OverlayNetwork(api, id, spec.name());
    }

    @Override
    public String toString() {
        return "Swarm[" + engine.config().host() + "]";
    }
}
