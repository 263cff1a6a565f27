package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.container.HealthCheck;
import dev.berth.container.Protocol;
import dev.berth.swarm.ConfigRef;
import dev.berth.swarm.EndpointMode;
import dev.berth.swarm.FailureAction;
import dev.berth.swarm.LogDriver;
import dev.berth.swarm.PublishMode;
import dev.berth.swarm.Resources;
import dev.berth.swarm.RestartCondition;
import dev.berth.swarm.RestartPolicy;
import dev.berth.swarm.SecretRef;
import dev.berth.swarm.ServiceMode;
import dev.berth.swarm.ServiceMount;
import dev.berth.swarm.ServiceNetwork;
import dev.berth.swarm.ServicePort;
import dev.berth.swarm.ServiceSpec;
import dev.berth.swarm.Ulimit;
import dev.berth.swarm.UpdateOrder;
import dev.berth.swarm.UpdatePolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Engine API's {@code ServiceSpec} JSON → {@link ServiceSpec}; the inverse of {@link ServiceJson#toJson}. */
public final class ServiceSpecReader {
    private ServiceSpecReader() {
    }

    /** Reads a spec as {@code GET /services/{id}} returns it under {@code Spec}. */
    public static ServiceSpec read(JsonNode spec) {
        return read(spec, Map.of());
    }

    /**
     * Reads a spec, naming networks by name: the engine stores the network's id as the attachment target.
     *
     * @param networkNames network id → name
     */
    public static ServiceSpec read(JsonNode spec, Map<String, String> networkNames) {
        JsonNode task = Json.at(spec, "TaskTemplate");
        JsonNode c = Json.at(task, "ContainerSpec");
        JsonNode placement = Json.at(task, "Placement");
        ServiceSpec.Builder b = ServiceSpec.builder(Json.str(c, "Image").isEmpty() ? "?" : Json.str(c, "Image"));
        Json.text(spec, "Name").ifPresent(b::name);
        b.mode(mode(Json.at(spec, "Mode")));
        if (c.has("Command") && c.get("Command").isArray()) {
            b.entrypoint(Json.list(c, "Command").toArray(String[]::new));
        }
        if (c.has("Args") && c.get("Args").isArray()) {
            b.command(Json.list(c, "Args"));
        }
        for (String e : Json.list(c, "Env")) {
            int eq = e.indexOf('=');
            b.env(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        Json.map(spec, "Labels").forEach(b::label);
        Json.map(c, "Labels").forEach(b::containerLabel);
        JsonNode endpoint = Json.at(spec, "EndpointSpec");
        Json.text(endpoint, "Mode").ifPresent(m -> b.endpointMode(EndpointMode.parse(m)));
        for (JsonNode p : iterable(endpoint.get("Ports"))) {
            Optional<Integer> published = Json.number(p, "PublishedPort").filter(n -> n > 0).map(Long::intValue);
            b.publish(new ServicePort(p.path("TargetPort").asInt(), published,
                    Protocol.parse(Json.text(p, "Protocol").orElse("tcp")),
                    PublishMode.parse(Json.text(p, "PublishMode").orElse("ingress"))));
        }
        for (JsonNode n : iterable(task.get("Networks"))) {
            String target = Json.str(n, "Target");
            b.network(new ServiceNetwork(networkNames.getOrDefault(target, target), Json.list(n, "Aliases"),
                    Json.map(n, "DriverOpts")));
        }
        for (JsonNode m : iterable(c.get("Mounts"))) {
            b.mount(mount(m));
        }
        Json.list(placement, "Constraints").forEach(b::constraint);
        for (JsonNode p : iterable(placement.get("Preferences"))) {
            Json.text(Json.at(p, "Spread"), "SpreadDescriptor").ifPresent(b::spread);
        }
        Json.number(placement, "MaxReplicas").filter(n -> n > 0).ifPresent(n -> b.maxReplicasPerNode(n.intValue()));
        resources(Json.at(task, "Resources", "Limits"), true, b);
        resources(Json.at(task, "Resources", "Reservations"), false, b);
        JsonNode restart = task.get("RestartPolicy");
        if (restart != null && restart.isObject()) {
            b.restart(new RestartPolicy(RestartCondition.parse(Json.text(restart, "Condition").orElse("any")),
                    Json.nanos(restart, "Delay"), Json.number(restart, "MaxAttempts").filter(n -> n > 0)
                    .map(Long::intValue), Json.nanos(restart, "Window").filter(d -> !d.isZero())));
        }
        update(spec.get("UpdateConfig")).ifPresent(b::updateConfig);
        update(spec.get("RollbackConfig")).ifPresent(b::rollbackConfig);
        health(c.get("Healthcheck")).ifPresent(b::healthCheck);
        for (JsonNode s : iterable(c.get("Secrets"))) {
            JsonNode f = Json.at(s, "File");
            b.secret(new SecretRef(Json.str(s, "SecretName"), Json.text(f, "Name").orElse(Json.str(s, "SecretName")),
                    Json.text(f, "UID").orElse("0"), Json.text(f, "GID").orElse("0"), f.path("Mode").asInt(0444)));
        }
        for (JsonNode s : iterable(c.get("Configs"))) {
            JsonNode f = Json.at(s, "File");
            if (f.isMissingNode()) {
                continue; // a runtime config (credential spec), not a file
            }
            b.config(new ConfigRef(Json.str(s, "ConfigName"), Json.text(f, "Name").orElse(Json.str(s, "ConfigName")),
                    Json.text(f, "UID").orElse("0"), Json.text(f, "GID").orElse("0"), f.path("Mode").asInt(0444)));
        }
        Json.text(c, "User").ifPresent(b::user);
        Json.text(c, "Dir").ifPresent(b::workdir);
        Json.text(c, "Hostname").ifPresent(b::hostname);
        Json.nanos(c, "StopGracePeriod").ifPresent(b::stopGracePeriod);
        Json.text(c, "StopSignal").ifPresent(b::stopSignal);
        b.capAdd(Json.list(c, "CapabilityAdd").toArray(String[]::new));
        b.capDrop(Json.list(c, "CapabilityDrop").toArray(String[]::new));
        Json.map(c, "Sysctls").forEach(b::sysctl);
        for (JsonNode u : iterable(c.get("Ulimits"))) {
            b.ulimit(Json.str(u, "Name"), u.path("Soft").asLong(), u.path("Hard").asLong());
        }
        for (String h : Json.list(c, "Hosts")) {
            String[] parts = h.trim().split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                b.host(parts[i], parts[0]);
            }
        }
        Json.list(Json.at(c, "DNSConfig"), "Nameservers").forEach(b::dns);
        Json.list(Json.at(c, "DNSConfig"), "Search").forEach(b::dnsSearch);
        if (Json.bool(c, "TTY")) {
            b.tty();
        }
        if (Json.bool(c, "OpenStdin")) {
            b.openStdin();
        }
        if (Json.bool(c, "ReadOnly")) {
            b.readOnly();
        }
        if (Json.bool(c, "Init")) {
            b.init();
        }
        JsonNode log = task.get("LogDriver");
        if (log != null && log.isObject() && Json.text(log, "Name").isPresent()) {
            b.logDriver(new LogDriver(Json.str(log, "Name"), Json.map(log, "Options")));
        }
        return b.build();
    }

    static ServiceMode mode(JsonNode mode) {
        if (mode.has("Global")) {
            return ServiceMode.global();
        }
        if (mode.has("GlobalJob")) {
            return ServiceMode.globalJob();
        }
        if (mode.has("ReplicatedJob")) {
            JsonNode j = mode.get("ReplicatedJob");
            return ServiceMode.replicatedJob(j.path("MaxConcurrent").asInt(1), j.path("TotalCompletions").asInt(1));
        }
        return ServiceMode.replicated(Json.at(mode, "Replicated").path("Replicas").asInt(1));
    }

    private static ServiceMount mount(JsonNode m) {
        String type = Json.text(m, "Type").orElse("volume");
        String target = Json.str(m, "Target");
        boolean ro = Json.bool(m, "ReadOnly");
        switch (type) {
            case "bind" -> {
                ServiceMount.Bind b = new ServiceMount.Bind(Path.of(Json.str(m, "Source")), target, ro,
                        Json.text(Json.at(m, "BindOptions"), "Propagation"));
                return b;
            }
            case "tmpfs" -> {
                JsonNode o = Json.at(m, "TmpfsOptions");
                return new ServiceMount.Tmpfs(target, o.path("SizeBytes").asLong(0),
                        Json.number(o, "Mode").map(Long::intValue));
            }
            default -> {
                JsonNode o = Json.at(m, "VolumeOptions");
                JsonNode d = Json.at(o, "DriverConfig");
                return new ServiceMount.Volume(Json.text(m, "Source"), target, ro, Json.bool(o, "NoCopy"),
                        Json.map(o, "Labels"), Json.text(d, "Name"), Json.map(d, "Options"));
            }
        }
    }

    private static void resources(JsonNode r, boolean limits, ServiceSpec.Builder b) {
        Json.number(r, "NanoCPUs").filter(n -> n > 0).ifPresent(n -> {
            if (limits) {
                b.limitCpus(n / 1e9);
            } else {
                b.reserveCpus(n / 1e9);
            }
        });
        Json.number(r, "MemoryBytes").filter(n -> n > 0).ifPresent(n -> {
            if (limits) {
                b.limitMemory(n);
            } else {
                b.reserveMemory(n);
            }
        });
        if (limits) {
            Json.number(r, "Pids").filter(n -> n > 0).ifPresent(b::limitPids);
        }
    }

    private static Optional<UpdatePolicy> update(JsonNode u) {
        if (u == null || !u.isObject()) {
            return Optional.empty();
        }
        UpdatePolicy d = UpdatePolicy.defaults();
        return Optional.of(new UpdatePolicy(u.path("Parallelism").asInt(d.parallelism()),
                Json.nanos(u, "Delay").orElse(Duration.ZERO),
                Json.text(u, "FailureAction").map(FailureAction::parse).orElse(d.failureAction()),
                Json.nanos(u, "Monitor").filter(x -> !x.isZero()).orElse(d.monitor()),
                u.path("MaxFailureRatio").asDouble(0),
                Json.text(u, "Order").map(UpdateOrder::parse).orElse(d.order())));
    }

    private static Optional<HealthCheck> health(JsonNode h) {
        if (h == null || !h.isObject() || Json.list(h, "Test").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HealthCheck(Json.list(h, "Test"), Json.nanos(h, "Interval").filter(d -> !d.isZero()),
                Json.nanos(h, "Timeout").filter(d -> !d.isZero()),
                Json.number(h, "Retries").filter(n -> n > 0).map(Long::intValue),
                Json.nanos(h, "StartPeriod").filter(d -> !d.isZero())));
    }

    static Iterable<JsonNode> iterable(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(out::add);
        }
        return out;
    }

    /** Environment entries {@code K=V} as a map, for callers that need the raw list. */
    static Map<String, String> env(List<String> entries) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            m.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        return m;
    }
}
