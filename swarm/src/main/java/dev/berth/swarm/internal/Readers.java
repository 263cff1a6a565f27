package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.container.Protocol;
import dev.berth.internal.JsonValues;
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
        JsonNode status = JsonValues.at(t, "Status");
        JsonNode cs = JsonValues.at(status, "ContainerStatus");
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        for (JsonNode a : ServiceSpecReader.iterable(t.get("NetworksAttachments"))) {
            String net = JsonValues.text(JsonValues.at(a, "Network", "Spec"), "Name").orElse(JsonValues.str(JsonValues.at(a, "Network"), "ID"));
            addresses.put(net, JsonValues.list(a, "Addresses"));
        }
        TaskState state = TaskState.parse(JsonValues.str(status, "State"));
        Optional<Integer> exit = state.isTerminal() ? JsonValues.number(cs, "ExitCode").map(Long::intValue) : Optional.empty();
        Instant created = JsonValues.time(t, "CreatedAt").orElse(Instant.EPOCH);
        List<ServicePort> ports = new ArrayList<>();
        for (JsonNode p : ServiceSpecReader.iterable(JsonValues.at(status, "PortStatus").get("Ports"))) {
            ports.add(port(p));
        }
        return new Task(JsonValues.str(t, "ID"), JsonValues.str(t, "ServiceID"), serviceName, t.path("Slot").asInt(0),
                JsonValues.text(t, "NodeID"), TaskState.parse(JsonValues.str(t, "DesiredState")), state,
                JsonValues.str(status, "Message"), JsonValues.text(status, "Err"), exit, JsonValues.text(cs, "ContainerID"),
                JsonValues.time(status, "Timestamp").orElse(created), created,
                JsonValues.str(JsonValues.at(t, "Spec", "ContainerSpec"), "Image"), addresses, ports);
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
        for (JsonNode v : ServiceSpecReader.iterable(JsonValues.at(s, "Endpoint").get("VirtualIPs"))) {
            vips.put(JsonValues.str(v, "NetworkID"), JsonValues.str(v, "Addr"));
        }
        List<ServicePort> ports = new ArrayList<>();
        for (JsonNode p : ServiceSpecReader.iterable(JsonValues.at(s, "Endpoint").get("Ports"))) {
            ports.add(port(p));
        }
        JsonNode st = JsonValues.at(s, "ServiceStatus");
        return new ServiceInfo(JsonValues.str(s, "ID"), JsonValues.str(spec, "Name"), JsonValues.at(s, "Version").path("Index").asLong(),
                JsonValues.time(s, "CreatedAt").orElse(Instant.EPOCH), JsonValues.time(s, "UpdatedAt").orElse(Instant.EPOCH),
                ServiceSpecReader.read(spec, networkNames), prev != null && prev.isObject()
                ? Optional.of(ServiceSpecReader.read(prev, networkNames)) : Optional.empty(), updateStatus(s),
                st.path("RunningTasks").asInt(0), st.path("DesiredTasks").asInt(0), vips, ports);
    }

    static ServicePort port(JsonNode p) {
        return new ServicePort(p.path("TargetPort").asInt(),
                JsonValues.number(p, "PublishedPort").filter(n -> n > 0).map(Long::intValue),
                Protocol.parse(JsonValues.text(p, "Protocol").orElse("tcp")),
                PublishMode.parse(JsonValues.text(p, "PublishMode").orElse("ingress")));
    }

    /** The service's {@code UpdateStatus}, if it has one. */
    public static Optional<UpdateStatus> updateStatus(JsonNode service) {
        JsonNode u = service.get("UpdateStatus");
        if (u == null || !u.isObject() || JsonValues.text(u, "State").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UpdateStatus(UpdateState.parse(JsonValues.str(u, "State")), JsonValues.time(u, "StartedAt"),
                JsonValues.time(u, "CompletedAt"), JsonValues.str(u, "Message")));
    }

    /** A node from {@code GET /nodes}. */
    public static NodeInfo node(JsonNode n) {
        JsonNode spec = JsonValues.at(n, "Spec");
        JsonNode desc = JsonValues.at(n, "Description");
        JsonNode ms = n.get("ManagerStatus");
        return new NodeInfo(JsonValues.str(n, "ID"), JsonValues.at(n, "Version").path("Index").asLong(),
                JsonValues.str(desc, "Hostname"), NodeRole.parse(JsonValues.text(spec, "Role").orElse("worker")),
                NodeAvailability.parse(JsonValues.text(spec, "Availability").orElse("active")),
                NodeState.parse(JsonValues.str(JsonValues.at(n, "Status"), "State")), JsonValues.str(JsonValues.at(n, "Status"), "Addr"),
                JsonValues.map(spec, "Labels"), JsonValues.map(JsonValues.at(desc, "Engine"), "Labels"),
                ms != null && JsonValues.bool(ms, "Leader"), ms == null ? Optional.empty() : JsonValues.text(ms, "Reachability"),
                JsonValues.str(JsonValues.at(desc, "Engine"), "EngineVersion"), JsonValues.time(n, "CreatedAt").orElse(Instant.EPOCH));
    }

    /** A secret from {@code GET /secrets}. */
    public static SecretInfo secret(JsonNode n) {
        return new SecretInfo(JsonValues.str(n, "ID"), JsonValues.str(JsonValues.at(n, "Spec"), "Name"),
                JsonValues.at(n, "Version").path("Index").asLong(), JsonValues.map(JsonValues.at(n, "Spec"), "Labels"),
                JsonValues.time(n, "CreatedAt").orElse(Instant.EPOCH), JsonValues.time(n, "UpdatedAt").orElse(Instant.EPOCH));
    }

    /** A config from {@code GET /configs}, with its content. */
    public static ConfigInfo config(JsonNode n) {
        return new ConfigInfo(JsonValues.str(n, "ID"), JsonValues.str(JsonValues.at(n, "Spec"), "Name"),
                JsonValues.at(n, "Version").path("Index").asLong(), JsonValues.map(JsonValues.at(n, "Spec"), "Labels"),
                JsonValues.time(n, "CreatedAt").orElse(Instant.EPOCH), JsonValues.time(n, "UpdatedAt").orElse(Instant.EPOCH),
                FileObjects.data(n));
    }
}
