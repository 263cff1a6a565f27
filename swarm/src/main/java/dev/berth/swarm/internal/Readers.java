package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.container.Protocol;
import dev.berth.swarm.ConfigInfo;
import dev.berth.swarm.NodeAvailability;
import dev.berth.swarm.NodeInfo;
import dev.berth.swarm.NodeRole;
import dev.berth.swarm.NodeState;
import dev.berth.swarm.PublishMode;
import dev.berth.swarm.SecretInfo;
import dev.berth.swarm.ServiceInfo;
import dev.berth.swarm.ServicePort;
import dev.berth.swarm.Task;
import dev.berth.swarm.TaskState;
import dev.berth.swarm.UpdateState;
import dev.berth.swarm.UpdateStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Engine API JSON of services and tasks → Berth's value types. */
public final class Readers {
    private Readers() {
    }

    /** A task from {@code GET /tasks}; {@code serviceName} because tasks only carry the service's id. */
    public static Task task(JsonNode t, String serviceName) {
        JsonNode status = Json.at(t, "Status");
        JsonNode cs = Json.at(status, "ContainerStatus");
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        for (JsonNode a : ServiceSpecReader.iterable(t.get("NetworksAttachments"))) {
            String net = Json.text(Json.at(a, "Network", "Spec"), "Name").orElse(Json.str(Json.at(a, "Network"), "ID"));
            addresses.put(net, Json.list(a, "Addresses"));
        }
        TaskState state = TaskState.parse(Json.str(status, "State"));
        Optional<Integer> exit = state.isTerminal() ? Json.number(cs, "ExitCode").map(Long::intValue) : Optional.empty();
        Instant created = Json.time(t, "CreatedAt").orElse(Instant.EPOCH);
        List<ServicePort> ports = new ArrayList<>();
        for (JsonNode p : ServiceSpecReader.iterable(Json.at(status, "PortStatus").get("Ports"))) {
            ports.add(port(p));
        }
        return new Task(Json.str(t, "ID"), Json.str(t, "ServiceID"), serviceName, t.path("Slot").asInt(0),
                Json.text(t, "NodeID"), TaskState.parse(Json.str(t, "DesiredState")), state,
                Json.str(status, "Message"), Json.text(status, "Err"), exit, Json.text(cs, "ContainerID"),
                Json.time(status, "Timestamp").orElse(created), created,
                Json.str(Json.at(t, "Spec", "ContainerSpec"), "Image"), addresses, ports);
    }

    /** A service from {@code GET /services}, network ids left as they are. */
    public static ServiceInfo service(JsonNode s) {
        return service(s, Map.of());
    }

    /** A service from {@code GET /services?status=true}, attachment targets named via {@code networkNames}. */
    public static ServiceInfo service(JsonNode s, Map<String, String> networkNames) {
        JsonNode spec = s.get("Spec");
        JsonNode prev = s.get("PreviousSpec");
        Map<String, String> vips = new LinkedHashMap<>();
        for (JsonNode v : ServiceSpecReader.iterable(Json.at(s, "Endpoint").get("VirtualIPs"))) {
            vips.put(Json.str(v, "NetworkID"), Json.str(v, "Addr"));
        }
        List<ServicePort> ports = new ArrayList<>();
        for (JsonNode p : ServiceSpecReader.iterable(Json.at(s, "Endpoint").get("Ports"))) {
            ports.add(port(p));
        }
        JsonNode st = Json.at(s, "ServiceStatus");
        return new ServiceInfo(Json.str(s, "ID"), Json.str(spec, "Name"), Json.at(s, "Version").path("Index").asLong(),
                Json.time(s, "CreatedAt").orElse(Instant.EPOCH), Json.time(s, "UpdatedAt").orElse(Instant.EPOCH),
                ServiceSpecReader.read(spec, networkNames), prev != null && prev.isObject()
                ? Optional.of(ServiceSpecReader.read(prev, networkNames)) : Optional.empty(), updateStatus(s),
                st.path("RunningTasks").asInt(0), st.path("DesiredTasks").asInt(0), vips, ports);
    }

    static ServicePort port(JsonNode p) {
        return new ServicePort(p.path("TargetPort").asInt(),
                Json.number(p, "PublishedPort").filter(n -> n > 0).map(Long::intValue),
                Protocol.parse(Json.text(p, "Protocol").orElse("tcp")),
                PublishMode.parse(Json.text(p, "PublishMode").orElse("ingress")));
    }

    /** The service's {@code UpdateStatus}, if it has one. */
    public static Optional<UpdateStatus> updateStatus(JsonNode service) {
        JsonNode u = service.get("UpdateStatus");
        if (u == null || !u.isObject() || Json.text(u, "State").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UpdateStatus(UpdateState.parse(Json.str(u, "State")), Json.time(u, "StartedAt"),
                Json.time(u, "CompletedAt"), Json.str(u, "Message")));
    }

    /** A node from {@code GET /nodes}. */
    public static NodeInfo node(JsonNode n) {
        JsonNode spec = Json.at(n, "Spec");
        JsonNode desc = Json.at(n, "Description");
        JsonNode ms = n.get("ManagerStatus");
        return new NodeInfo(Json.str(n, "ID"), Json.at(n, "Version").path("Index").asLong(),
                Json.str(desc, "Hostname"), NodeRole.parse(Json.text(spec, "Role").orElse("worker")),
                NodeAvailability.parse(Json.text(spec, "Availability").orElse("active")),
                NodeState.parse(Json.str(Json.at(n, "Status"), "State")), Json.str(Json.at(n, "Status"), "Addr"),
                Json.map(spec, "Labels"), Json.map(Json.at(desc, "Engine"), "Labels"),
                ms != null && Json.bool(ms, "Leader"), ms == null ? Optional.empty() : Json.text(ms, "Reachability"),
                Json.str(Json.at(desc, "Engine"), "EngineVersion"), Json.time(n, "CreatedAt").orElse(Instant.EPOCH));
    }

    /** A secret from {@code GET /secrets}. */
    public static SecretInfo secret(JsonNode n) {
        return new SecretInfo(Json.str(n, "ID"), Json.str(Json.at(n, "Spec"), "Name"),
                Json.at(n, "Version").path("Index").asLong(), Json.map(Json.at(n, "Spec"), "Labels"),
                Json.time(n, "CreatedAt").orElse(Instant.EPOCH), Json.time(n, "UpdatedAt").orElse(Instant.EPOCH));
    }

    /** A config from {@code GET /configs}, with its content. */
    public static ConfigInfo config(JsonNode n) {
        return new ConfigInfo(Json.str(n, "ID"), Json.str(Json.at(n, "Spec"), "Name"),
                Json.at(n, "Version").path("Index").asLong(), Json.map(Json.at(n, "Spec"), "Labels"),
                Json.time(n, "CreatedAt").orElse(Instant.EPOCH), Json.time(n, "UpdatedAt").orElse(Instant.EPOCH),
                FileObjects.data(n));
    }
}
