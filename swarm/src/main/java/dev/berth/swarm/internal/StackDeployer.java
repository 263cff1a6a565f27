package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthException;
import dev.berth.ConflictException;
import dev.berth.NotFoundException;
import dev.berth.WaitTimeoutException;
import dev.berth.compose.model.Project;
import dev.berth.internal.Json;
import dev.berth.internal.JsonValues;
import dev.berth.internal.RawApi;
import dev.berth.swarm.NotSwarmManagerException;
import dev.berth.swarm.ServiceSpec;
import dev.berth.swarm.StackSummary;
import dev.berth.wait.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Carries out a {@link StackPlan} in the CLI's order, and lists and removes stacks. */
public final class StackDeployer {
    private static final Logger LOG = LoggerFactory.getLogger(StackDeployer.class);
    private final SwarmApi api;
    private final ServiceOps services;

    public StackDeployer(SwarmApi api) {
        this.api = api;
        this.services = new ServiceOps(api);
    }

    /** What a deploy did: the stack's name and the services it created, updated and pruned. */
    public record Deployed(String stack, List<String> created, List<String> updated, List<String> removed,
                           List<String> warnings) {
    }

    /** Deploys the project: networks, secrets, configs, then services (created or updated). */
    public Deployed deploy(Project project, boolean prune) {
        StackPlan plan = StackTranslator.translate(project);
        plan.warnings().forEach(w -> LOG.warn("stack {}: {}", plan.name(), w));
        requireManager(plan.name());
        Map<String, JsonNode> existing = stackServices(plan.name());
        List<String> removed = new ArrayList<>();
        if (prune) {
            for (Map.Entry<String, JsonNode> e : existing.entrySet()) {
                String shortName = e.getKey().substring(plan.name().length() + 1);
                if (!plan.services().containsKey(shortName)) {
                    services.remove(JsonValues.str(e.getValue(), "ID"), e.getKey());
                    removed.add(e.getKey());
                }
            }
        }
        checkExternalNetworks(plan);
        createNetworks(plan);
        plan.secrets().forEach(o -> upsert(plan.name(), "secret", o));
        plan.configs().forEach(o -> upsert(plan.name(), "config", o));
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (ServiceSpec spec : plan.services().values()) {
            ServiceSpec labelled = withSessionLabels(spec);
            String name = spec.name().orElseThrow();
            JsonNode current = existing.get(name);
            if (current == null) {
                services.create(labelled);
                created.add(name);
            } else {
                services.write(JsonValues.str(current, "ID"), name, JsonValues.at(current, "Version").path("Index").asLong(),
                        services.specOver(current.get("Spec"), labelled), "");
                updated.add(name);
            }
        }
        return new Deployed(plan.name(), created, updated, removed, plan.warnings());
    }

    /** Stacks by name with their service counts. */
    public List<StackSummary> list() {
        Map<String, Integer> counts = new TreeMap<>();
        JsonNode list = api.get("/services?filters=" + SwarmApi.filters(Map.of("label",
                List.of(StackTranslator.NAMESPACE))), "swarm", "", "list the stacks of");
        for (JsonNode s : ServiceSpecReader.iterable(list)) {
            counts.merge(JsonValues.map(JsonValues.at(s, "Spec"), "Labels").get(StackTranslator.NAMESPACE), 1, Integer::sum);
        }
        List<StackSummary> out = new ArrayList<>();
        counts.forEach((n, c) -> out.add(new StackSummary(n, c)));
        return out;
    }

    /** Removes services, waits for their tasks to go, then removes secrets, configs and networks. */
    public void remove(String stack, Duration timeout) {
        Deadline deadline = Deadline.in(timeout);
        List<String> ids = new ArrayList<>();
        stackServices(stack).forEach((name, s) -> {
            services.remove(JsonValues.str(s, "ID"), name);
            ids.add(JsonValues.str(s, "ID"));
        });
        if (stackServices(stack).isEmpty() && ids.isEmpty() && objects(stack, "networks").isEmpty()
                && objects(stack, "secrets").isEmpty() && objects(stack, "configs").isEmpty()) {
            throw new NotFoundException("stack", stack, "Stack '" + stack + "' does not exist (nothing is labelled "
                    + StackTranslator.NAMESPACE + "=" + stack + ")", null);
        }
        awaitTasksGone(stack, ids, deadline);
        for (JsonNode o : objects(stack, "secrets")) {
            api.delete("/secrets/" + JsonValues.str(o, "ID"), "secret", JsonValues.str(JsonValues.at(o, "Spec"), "Name"), "remove");
        }
        for (JsonNode o : objects(stack, "configs")) {
            api.delete("/configs/" + JsonValues.str(o, "ID"), "config", JsonValues.str(JsonValues.at(o, "Spec"), "Name"), "remove");
        }
        List<JsonNode> networks = objects(stack, "networks");
        if (networks.isEmpty()) {
            return;
        }
        // Subscribed before the removals, so that no destroy event is missed.
        try (Wakeups destroyed = Wakeups.forRemovedNetworks(api.engine())) {
            for (JsonNode n : networks) {
                removeNetwork(n, deadline);
            }
            for (JsonNode n : networks) {
                awaitNetworkGone(n, destroyed, deadline);
            }
        }
    }

    /**
     * Waits until this engine no longer lists a removed network: the swarm deletes it at once, but each node drops
     * its own copy a little later (the engine's {@code network destroy} event says when), and {@code docker stack rm}
     * is only done for this engine's user when the network is gone here too.
     */
    private void awaitNetworkGone(JsonNode n, Wakeups destroyed, Deadline deadline) {
        String id = JsonValues.str(n, "Id");
        while (networkExists(id)) {
            if (deadline.expired()) {
                throw new WaitTimeoutException("network " + JsonValues.str(n, "Name") + " of the removed stack to"
                        + " leave this engine", deadline.timeout(), "removed from the swarm, still listed here", null);
            }
            // Woken by the destroy event; re-checked at least every second in case the event was for another network.
            destroyed.await(min(Duration.ofSeconds(1), deadline.remaining()));
        }
    }

    private boolean networkExists(String id) {
        try {
            api.get("/networks/" + id, "network", id, "inspect");
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    private void requireManager(String stack) {
        JsonNode info = JsonValues.at(api.get("/info", "engine", "", "query"), "Swarm");
        if (!JsonValues.bool(info, "ControlAvailable")) {
            throw new NotSwarmManagerException("Cannot deploy stack '" + stack + "': the engine at "
                    + api.engine().config().host() + " is not a swarm manager (swarm state: "
                    + JsonValues.text(info, "LocalNodeState").orElse("inactive") + "); init a swarm or use a manager's"
                    + " engine", null);
        }
    }

    private Map<String, JsonNode> stackServices(String stack) {
        Map<String, JsonNode> out = new TreeMap<>();
        JsonNode list = api.get("/services?filters=" + SwarmApi.filters(Map.of("label",
                List.of(StackTranslator.NAMESPACE + "=" + stack))), "stack", stack, "list the services of");
        ServiceSpecReader.iterable(list).forEach(s -> out.put(JsonValues.str(JsonValues.at(s, "Spec"), "Name"), s));
        return out;
    }

    private List<JsonNode> objects(String stack, String path) {
        List<JsonNode> out = new ArrayList<>();
        ServiceSpecReader.iterable(api.get("/" + path + "?filters=" + SwarmApi.filters(Map.of("label",
                List.of(StackTranslator.NAMESPACE + "=" + stack))), "stack", stack, "list the " + path + " of"))
                .forEach(out::add);
        return out;
    }

    private void checkExternalNetworks(StackPlan plan) {
        for (String name : plan.externalNetworks()) {
            if (List.of("bridge", "host", "none", "default").contains(name)) {
                continue;
            }
            JsonNode n;
            try {
                n = api.get("/networks/" + RawApi.q(name), "network", name, "inspect");
            } catch (NotFoundException e) {
                throw new NotFoundException("network", name, "Network '" + name + "' is declared as external, but"
                        + " could not be found; create a swarm-scoped network (swarm.network(\"" + name
                        + "\").create()) before deploying stack '" + plan.name() + "'", e);
            }
            if (!"swarm".equals(JsonValues.str(n, "Scope"))) {
                throw new BerthException("Network '" + name + "' is declared as external, but it is not in the right"
                        + " scope: \"" + JsonValues.str(n, "Scope") + "\" instead of \"swarm\"; use an overlay network");
            }
        }
    }

    private void createNetworks(StackPlan plan) {
        List<String> existing = objects(plan.name(), "networks").stream().map(n -> JsonValues.str(n, "Name")).toList();
        for (StackPlan.NetworkPlan n : plan.networks().values()) {
            if (existing.contains(n.name())) {
                continue;
            }
            ObjectNode b = Json.object().put("Name", n.name()).put("CheckDuplicate", true).put("Driver", n.driver())
                    .put("Internal", n.internal()).put("Attachable", n.attachable());
            b.set("Options", Json.stringMap(n.options()));
            Map<String, String> labels = new LinkedHashMap<>(api.engine().labels());
            labels.putAll(n.labels());
            b.set("Labels", Json.stringMap(labels));
            if (!n.ipamDriver().isEmpty() || !n.subnets().isEmpty()) {
                ObjectNode ipam = b.putObject("IPAM");
                if (!n.ipamDriver().isEmpty()) {
                    ipam.put("Driver", n.ipamDriver());
                }
                ArrayNode config = ipam.putArray("Config");
                n.subnets().forEach(s -> config.addObject().put("Subnet", s));
            }
            api.post("/networks/create", b, "network", n.name(), "create");
        }
    }

    private void upsert(String stack, String kind, StackPlan.ObjectPlan o) {
        if (o.external()) {
            return;
        }
        FileObjects<JsonNode> objects = new FileObjects<>(api, kind, n -> n);
        JsonNode current;
        try {
            current = objects.inspect(o.name());
        } catch (NotFoundException e) {
            objects.create(o.name(), o.data(), o.labels());
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>(JsonValues.map(JsonValues.at(current, "Spec"), "Labels"));
        labels.putAll(o.labels());
        ObjectNode spec = Json.object().put("Name", o.name());
        spec.set("Labels", Json.stringMap(labels));
        spec.put("Data", Base64.getEncoder().encodeToString(o.data()));
        try {
            api.post("/" + kind + "s/" + JsonValues.str(current, "ID") + "/update?version="
                    + JsonValues.at(current, "Version").path("Index").asLong(), spec, kind, o.name(), "update");
        } catch (BerthException e) {
            throw new ConflictException("Cannot deploy stack '" + stack + "': " + kind + " '" + o.name()
                    + "' exists with other content, and " + kind + "s cannot change; give the new value a new name"
                    + " (name: " + o.name() + "_v2) and deploy again", e);
        }
    }

    private ServiceSpec withSessionLabels(ServiceSpec spec) {
        ServiceSpec.Builder b = spec.toBuilder();
        api.engine().labels().forEach(b::label);
        return b.build();
    }

    private void awaitTasksGone(String stack, List<String> serviceIds, Deadline deadline) {
        if (serviceIds.isEmpty()) {
            return;
        }
        try (Wakeups wakeups = Wakeups.forService(api.engine(), null)) {
            while (true) {
                // A removed service can no longer be named in a task filter (the engine answers 404), so list all
                // tasks and keep those of the removed services.
                long left = 0;
                for (JsonNode t : ServiceSpecReader.iterable(api.get("/tasks", "stack", stack, "list the tasks of"))) {
                    if (serviceIds.contains(JsonValues.str(t, "ServiceID"))) {
                        left++;
                    }
                }
                if (left == 0) {
                    return;
                }
                if (deadline.expired()) {
                    throw new WaitTimeoutException("the tasks of stack '" + stack + "' to stop", deadline.timeout(),
                            left + " tasks left", null);
                }
                wakeups.await(min(Duration.ofMillis(250), deadline.remaining()));
            }
        }
    }

    private void removeNetwork(JsonNode n, Deadline deadline) {
        String name = JsonValues.str(n, "Name");
        while (true) {
            try {
                api.delete("/networks/" + JsonValues.str(n, "Id"), "network", name, "remove");
                return;
            } catch (NotFoundException gone) {
                return;
            } catch (BerthException inUse) {
                if (deadline.expired()) {
                    throw inUse;
                }
                // Endpoints are released shortly after the tasks are gone; the engine emits no event for that.
                sleep(min(Duration.ofMillis(200), deadline.remaining()));
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while removing a stack", e);
        }
    }
}
