package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.internal.Json;
import dev.berth.internal.JsonValues;
import dev.berth.internal.RawApi;
import dev.berth.swarm.NodeInfo;
import dev.berth.swarm.NodeSpec;
import dev.berth.swarm.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Node requests: list, inspect, update with the version handshake, remove, tasks. */
public final class NodeOps {
    private static final int UPDATE_ATTEMPTS = 5;
    private final SwarmApi api;

    public NodeOps(SwarmApi api) {
        this.api = api;
    }

    /** All nodes ({@code docker node ls}). */
    public List<NodeInfo> list() {
        List<NodeInfo> out = new ArrayList<>();
        ServiceSpecReader.iterable(api.get("/nodes", "swarm", "", "list the nodes of"))
                .forEach(n -> out.add(Readers.node(n)));
        return out;
    }

    /** One node by id or hostname. */
    public NodeInfo inspect(String idOrName) {
        return Readers.node(api.get("/nodes/" + RawApi.q(idOrName), "node", idOrName, "inspect"));
    }

    /** The spec as a value. */
    public static NodeSpec spec(NodeInfo n) {
        return new NodeSpec(Optional.empty(), n.role(), n.availability(), n.labels());
    }

    /** Applies {@code change} to the current spec and writes it, retrying if the node changed in between. */
    public void update(String id, UnaryOperator<NodeSpec> change) {
        StaleVersionException last = null;
        for (int i = 0; i < UPDATE_ATTEMPTS; i++) {
            JsonNode raw = api.get("/nodes/" + RawApi.q(id), "node", id, "inspect");
            NodeInfo current = Readers.node(raw);
            NodeSpec next = change.apply(spec(current));
            ObjectNode body = raw.get("Spec") instanceof ObjectNode o ? o.deepCopy() : Json.object();
            next.name().ifPresent(n -> body.put("Name", n));
            body.set("Labels", Json.stringMap(next.labels()));
            body.put("Role", next.role().wireName());
            body.put("Availability", next.availability().wireName());
            try {
                api.post("/nodes/" + RawApi.q(id) + "/update?version=" + current.version(), body, "node", id, "update");
                return;
            } catch (StaleVersionException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Removes the node from the swarm ({@code docker node rm [--force]}). */
    public void remove(String id, boolean force) {
        api.delete("/nodes/" + RawApi.q(id) + "?force=" + force, "node", id, "remove");
    }

    /** Tasks assigned to the node ({@code docker node ps}), with their services' names. */
    public List<Task> tasks(String nodeId) {
        Map<String, String> names = new HashMap<>();
        ServiceSpecReader.iterable(api.get("/services", "swarm", "", "list the services of"))
                .forEach(s -> names.put(JsonValues.str(s, "ID"), JsonValues.str(JsonValues.at(s, "Spec"), "Name")));
        JsonNode list = api.get("/tasks?filters=" + SwarmApi.filters(Map.of("node", List.of(nodeId))), "node", nodeId,
                "list the tasks of");
        List<Task> out = new ArrayList<>();
        for (JsonNode t : ServiceSpecReader.iterable(list)) {
            out.add(Readers.task(t, names.getOrDefault(JsonValues.str(t, "ServiceID"), JsonValues.str(t, "ServiceID"))));
        }
        return out;
    }
}
