package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthException;
import dev.berth.NotFoundException;
import dev.berth.internal.JsonValues;
import dev.berth.internal.RawApi;
import dev.berth.swarm.ServiceInfo;
import dev.berth.swarm.ServiceSpec;
import dev.berth.swarm.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Service requests: create, inspect, update with the version handshake, tasks. */
public final class ServiceOps {
    private static final int UPDATE_ATTEMPTS = 5;
    private final SwarmApi api;

    public ServiceOps(SwarmApi api) {
        this.api = api;
    }

    /** The engine this talks to. */
    public dev.berth.Engine engine() {
        return api.engine();
    }

    /** Creates the service, with the engine's session labels added; returns its id. */
    public String create(ServiceSpec spec) {
        ObjectNode body = ServiceJson.toJson(spec, ids());
        addSessionLabels(body);
        String name = spec.name().orElse("");
        JsonNode reply = api.post("/services/create", body, "service", name, "create").json();
        return JsonValues.str(reply, "ID");
    }

    /** A service's id and name. */
    public record Ref(String id, String name) {
    }

    /** The id and name of the service with this name or id. */
    public Ref ref(String nameOrId) {
        JsonNode s = inspect(nameOrId);
        return new Ref(JsonValues.str(s, "ID"), JsonValues.str(JsonValues.at(s, "Spec"), "Name"));
    }

    /** Network id → name, to show service attachments by name. */
    public Map<String, String> networkNames() {
        Map<String, String> names = new HashMap<>();
        for (JsonNode n : ServiceSpecReader.iterable(api.get("/networks", "swarm", "", "list the networks of"))) {
            names.put(JsonValues.str(n, "Id"), JsonValues.str(n, "Name"));
        }
        return names;
    }

    /** The service as a value, networks by name, with task counts. */
    public ServiceInfo info(String idOrName) {
        return Readers.service(inspectWithStatus(idOrName), networkNames());
    }

    /** The current spec as a value, networks by name. */
    public ServiceSpec spec(String idOrName) {
        return ServiceSpecReader.read(inspect(idOrName).get("Spec"), networkNames());
    }

    /** The service's JSON ({@code GET /services/{id}}; it has no task counts). */
    public JsonNode inspect(String idOrName) {
        return api.get("/services/" + RawApi.q(idOrName), "service", idOrName, "inspect");
    }

    /** The service's JSON with its running and desired task counts, which only the list endpoint reports. */
    public JsonNode inspectWithStatus(String idOrName) {
        JsonNode service = inspect(idOrName);
        String id = JsonValues.str(service, "ID");
        JsonNode list = api.get("/services?status=true&filters=" + SwarmApi.filters(Map.of("id", List.of(id))),
                "service", idOrName, "inspect");
        for (JsonNode s : ServiceSpecReader.iterable(list)) {
            if (id.equals(JsonValues.str(s, "ID"))) {
                return s;
            }
        }
        return service;
    }

    /**
     * Read-modify-write: applies {@code change} to the current spec and sends it with the version read, retrying
     * (a bounded number of times) when another client updated the service in between.
     *
     * @param query extra query parameters such as {@code &rollback=previous}
     * @return the service JSON read just before the successful write
     */
    public JsonNode update(String id, String name, UnaryOperator<ObjectNode> change, String query) {
        StaleVersionException last = null;
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            JsonNode current = inspect(id);
            long version = JsonValues.at(current, "Version").path("Index").asLong();
            ObjectNode next = change.apply(((ObjectNode) current.get("Spec")).deepCopy());
            try {
                write(id, name, version, next, query);
                return current;
            } catch (StaleVersionException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Writes a spec at an explicit version; a stale version gives a {@link StaleVersionException}. */
    public void write(String id, String name, long version, JsonNode spec, String query) {
        api.post("/services/" + RawApi.q(id) + "/update?version=" + version + query, spec, "service", name, "update");
    }

    /** Berth's JSON for {@code spec}, keeping the fields of {@code current} Berth does not model. */
    public ObjectNode specOver(JsonNode currentSpec, ServiceSpec spec) {
        return SpecMerge.merge(currentSpec, ServiceJson.toJson(spec, ids()));
    }

    /** Removes the service. */
    public void remove(String id, String name) {
        api.delete("/services/" + RawApi.q(id), "service", name, "remove");
    }

    /** The service's tasks; with {@code upToDate}, only those running the current spec (current job iteration). */
    public List<Task> tasks(JsonNode service, boolean upToDate) {
        String id = JsonValues.str(service, "ID");
        String name = JsonValues.str(JsonValues.at(service, "Spec"), "Name");
        Map<String, List<String>> f = new HashMap<>();
        f.put("service", List.of(id));
        if (upToDate) {
            f.put("_up-to-date", List.of("true"));
        }
        JsonNode list = api.get("/tasks?filters=" + SwarmApi.filters(f), "service", name, "list the tasks of");
        long iteration = JsonValues.at(service, "JobStatus", "JobIteration").path("Index").asLong(-1);
        List<Task> out = new ArrayList<>();
        for (JsonNode t : ServiceSpecReader.iterable(list)) {
            if (upToDate && iteration >= 0 && JsonValues.at(t, "JobIteration").path("Index").asLong(-1) != iteration) {
                continue;
            }
            out.add(Readers.task(t, name));
        }
        out.sort((a, b) -> a.slot() != b.slot() ? Integer.compare(a.slot(), b.slot())
                : b.createdAt().compareTo(a.createdAt()));
        return out;
    }

    /** Ids of the nodes whose tasks count towards convergence (see {@link #keepsTasks}). */
    public Set<String> activeNodes() {
        Set<String> ids = new HashSet<>();
        for (JsonNode n : ServiceSpecReader.iterable(api.get("/nodes", "swarm", "", "list the nodes of"))) {
            if (keepsTasks(n)) {
                ids.add(JsonValues.str(n, "ID"));
            }
        }
        return ids;
    }

    /**
     * Whether a node ({@code GET /nodes} entry) keeps running its tasks: it is not down (the docker CLI's progress
     * rule) and not drained. The swarm shuts a drained node's tasks down and starts replacements elsewhere, but not at
     * once: a task still running there right after {@code docker node update --availability drain} must not count, or
     * a wait for convergence would end before the replacements run.
     */
    static boolean keepsTasks(JsonNode node) {
        return !"down".equals(JsonValues.str(JsonValues.at(node, "Status"), "State"))
                && !"drain".equals(JsonValues.str(JsonValues.at(node, "Spec"), "Availability"));
    }

    /** Looks secrets and configs up by name on first use. */
    public ServiceJson.Ids ids() {
        return new ServiceJson.Ids(name -> id("secrets", "secret", name), name -> id("configs", "config", name));
    }

    private String id(String path, String kind, String name) {
        try {
            return JsonValues.str(api.get("/" + path + "/" + RawApi.q(name), kind, name, "find"), "ID");
        } catch (NotFoundException e) {
            throw new NotFoundException(kind, name, "The " + kind + " '" + name + "' a service refers to does not"
                    + " exist; create it first with swarm." + path + "().create(…)", e);
        }
    }

    private void addSessionLabels(ObjectNode body) {
        ObjectNode labels = body.get("Labels") instanceof ObjectNode o ? o : body.putObject("Labels");
        api.engine().labels().forEach((k, v) -> {
            if (!labels.has(k)) {
                labels.put(k, v);
            }
        });
    }

    /** Applies {@code change} to the current spec (read-modify-write); returns the change for convergence waits. */
    public ConvergenceCheck.Change change(String id, String name, UnaryOperator<ServiceSpec> change) {
        Map<String, String> networks = networkNames();
        JsonNode before = update(id, name, spec -> specOver(spec, change.apply(ServiceSpecReader.read(spec,
                networks))), "");
        return new ConvergenceCheck.Change(Readers.updateStatus(before), false);
    }

    /** Replaces the spec at an explicit version (the handshake). */
    public ConvergenceCheck.Change replace(String id, String name, ServiceSpec spec, long version) {
        JsonNode current = inspect(id);
        write(id, name, version, specOver(current.get("Spec"), spec), "");
        return new ConvergenceCheck.Change(Readers.updateStatus(current), false);
    }

    /** Sets replicas, or a replicated job's completions. */
    public ConvergenceCheck.Change scale(String id, String name, int replicas) {
        JsonNode before = update(id, name, spec -> {
            ObjectNode mode = (ObjectNode) spec.path("Mode");
            if (mode.get("Replicated") instanceof ObjectNode r) {
                r.put("Replicas", replicas);
            } else if (mode.get("ReplicatedJob") instanceof ObjectNode j) {
                j.put("TotalCompletions", replicas);
            } else {
                throw new BerthException("Cannot scale service '" + name + "': it is a " + (mode.has("Global")
                        ? "global" : "global-job") + " service, which runs one task per eligible node; change its"
                        + " placement constraints or the nodes' availability instead");
            }
            return spec;
        }, "");
        return new ConvergenceCheck.Change(Readers.updateStatus(before), false);
    }

    /** Re-sends the current spec with {@code rollback=previous}, as {@code docker service rollback} does. */
    public ConvergenceCheck.Change rollback(String id, String name) {
        JsonNode current = inspect(id);
        if (current.get("PreviousSpec") == null || current.get("PreviousSpec").isNull()) {
            throw new BerthException("Cannot roll back service '" + name + "': it has no previous spec (it was never"
                    + " updated)");
        }
        write(id, name, JsonValues.at(current, "Version").path("Index").asLong(), current.get("Spec"), "&rollback=previous");
        return new ConvergenceCheck.Change(Readers.updateStatus(current), true);
    }

    /** Increments {@code ForceUpdate} so every task is replaced. */
    public ConvergenceCheck.Change forceUpdate(String id, String name) {
        JsonNode before = update(id, name, spec -> {
            ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
            task.put("ForceUpdate", task.path("ForceUpdate").asLong(0) + 1);
            return spec;
        }, "");
        return new ConvergenceCheck.Change(Readers.updateStatus(before), false);
    }

    /** Whether the service's containers have a TTY (then its logs are not multiplexed). */
    public boolean tty(String id) {
        return JsonValues.bool(JsonValues.at(inspect(id), "Spec", "TaskTemplate", "ContainerSpec"), "TTY");
    }
}
