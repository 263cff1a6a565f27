package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.container.HealthCheck;
import dev.berth.container.Protocol;
import dev.berth.internal.JsonValues;
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
        JsonNode task = JsonValues.at(spec, "TaskTemplate");
        JsonNode c = JsonValues.at(task, "ContainerSpec");
        JsonNode placement = JsonValues.at(task, "Placement");
        ServiceSpec.Builder b = ServiceSpec.builder(JsonValues.str(c, "Image").isEmpty() ? "?" : JsonValues.str(c, "Image"));
        JsonValues.text(spec, "Name").ifPresent(b::name);
        b.mode(mode(JsonValues.at(spec, "Mode")));
        if (c.has("Command") && c.get("Command").isArray()) {
            b.entrypoint(JsonValues.list(c, "Command").toArray(String[]::new));
        }
        if (c.has("Args") && c.get("Args").isArray()) {
            b.command(JsonValues.list(c, "Args"));
        }
        for (String e : JsonValues.list(c, "Env")) {
            int eq = e.indexOf('=');
            b.env(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        JsonValues.map(spec, "Labels").forEach(b::label);
        JsonValues.map(c, "Labels").forEach(b::containerLabel);
        JsonNode endpoint = JsonValues.at(spec, "EndpointSpec");
        JsonValues.text(endpoint, "Mode").ifPresent(m -> b.endpointMode(EndpointMode.parse(m)));
        for (JsonNode p : iterable(endpoint.get("Ports"))) {
            Optional<Integer> published = JsonValues.number(p, "PublishedPort").filter(n -> n > 0).map(Long::intValue);
            b.publish(new ServicePort(p.path("TargetPort").asInt(), published,
                    Protocol.parse(JsonValues.text(p, "Protocol").orElse("tcp")),
                    PublishMode.parse(JsonValues.text(p, "PublishMode").orElse("ingress"))));
        }
        for (JsonNode n : iterable(task.get("Networks"))) {
            String target = JsonValues.str(n, "Target");
            b.network(new ServiceNetwork(networkNames.getOrDefault(target, target), JsonValues.list(n, "Aliases"),
                    JsonValues.map(n, "DriverOpts")));
        }
        for (JsonNode m : iterable(c.get("Mounts"))) {
            b.mount(mount(m));
        }
        JsonValues.list(placement, "Constraints").forEach(b::constraint);
        for (JsonNode p : iterable(placement.get("Preferences"))) {
            JsonValues.text(JsonValues.at(p, "Spread"), "SpreadDescriptor").ifPresent(b::spread);
        }
        JsonValues.number(placement, "MaxReplicas").filter(n -> n > 0).ifPresent(n -> b.maxReplicasPerNode(n.intValue()));
        resources(JsonValues.at(task, "Resources", "Limits"), true, b);
        resources(JsonValues.at(task, "Resources", "Reservations"), false, b);
        JsonNode restart = task.get("RestartPolicy");
        if (restart != null && restart.isObject()) {
            b.restart(new RestartPolicy(RestartCondition.parse(JsonValues.text(restart, "Condition").orElse("any")),
                    JsonValues.nanos(restart, "Delay"), JsonValues.number(restart, "MaxAttempts").filter(n -> n > 0)
                    .map(Long::intValue), JsonValues.nanos(restart, "Window").filter(d -> !d.isZero())));
        }
        update(spec.get("UpdateConfig")).ifPresent(b::updateConfig);
        update(spec.get("RollbackConfig")).ifPresent(b::rollbackConfig);
        health(c.get("Healthcheck")).ifPresent(b::healthCheck);
        for (JsonNode s : iterable(c.get("Secrets"))) {
            JsonNode f = JsonValues.at(s, "File");
            b.secret(new SecretRef(JsonValues.str(s, "SecretName"), JsonValues.text(f, "Name").orElse(JsonValues.str(s, "SecretName")),
                    JsonValues.text(f, "UID").orElse("0"), JsonValues.text(f, "GID").orElse("0"), f.path("Mode").asInt(0444)));
        }
        for (JsonNode s : iterable(c.get("Configs"))) {
            JsonNode f = JsonValues.at(s, "File");
            if (f.isMissingNode()) {
                continue; // a runtime config (credential spec), not a file
            }
            b.config(new ConfigRef(JsonValues.str(s, "ConfigName"), JsonValues.text(f, "Name").orElse(JsonValues.str(s, "ConfigName")),
                    JsonValues.text(f, "UID").orElse("0"), JsonValues.text(f, "GID").orElse("0"), f.path("Mode").asInt(0444)));
        }
        JsonValues.text(c, "User").ifPresent(b::user);
        JsonValues.text(c, "Dir").ifPresent(b::workdir);
        JsonValues.text(c, "Hostname").ifPresent(b::hostname);
        JsonValues.nanos(c, "StopGracePeriod").ifPresent(b::stopGracePeriod);
        JsonValues.text(c, "StopSignal").ifPresent(b::stopSignal);
        b.capAdd(JsonValues.list(c, "CapabilityAdd").toArray(String[]::new));
        b.capDrop(JsonValues.list(c, "CapabilityDrop").toArray(String[]::new));
        JsonValues.map(c, "Sysctls").forEach(b::sysctl);
        for (JsonNode u : iterable(c.get("Ulimits"))) {
            b.ulimit(JsonValues.str(u, "Name"), u.path("Soft").asLong(), u.path("Hard").asLong());
        }
        for (String h : JsonValues.list(c, "Hosts")) {
            String[] parts = h.trim().split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                b.host(parts[i], parts[0]);
            }
        }
        JsonValues.list(JsonValues.at(c, "DNSConfig"), "Nameservers").forEach(b::dns);
        JsonValues.list(JsonValues.at(c, "DNSConfig"), "Search").forEach(b::dnsSearch);
        if (JsonValues.bool(c, "TTY")) {
            b.tty();
        }
        if (JsonValues.bool(c, "OpenStdin")) {
            b.openStdin();
        }
        if (JsonValues.bool(c, "ReadOnly")) {
            b.readOnly();
        }
        if (JsonValues.bool(c, "Init")) {
            b.init();
        }
        JsonNode log = task.get("LogDriver");
        if (log != null && log.isObject() && JsonValues.text(log, "Name").isPresent()) {
            b.logDriver(new LogDriver(JsonValues.str(log, "Name"), JsonValues.map(log, "Options")));
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
        return ServiceMode.replicated(JsonValues.at(mode, "Replicated").path("Replicas").asInt(1));
    }

    private static ServiceMount mount(JsonNode m) {
        String type = JsonValues.text(m, "Type").orElse("volume");
        String target = JsonValues.str(m, "Target");
        boolean ro = JsonValues.bool(m, "ReadOnly");
        switch (type) {
            case "bind" -> {
                ServiceMount.Bind b = new ServiceMount.Bind(Path.of(JsonValues.str(m, "Source")), target, ro,
                        JsonValues.text(JsonValues.at(m, "BindOptions"), "Propagation"));
                return b;
            }
            case "tmpfs" -> {
                JsonNode o = JsonValues.at(m, "TmpfsOptions");
                return new ServiceMount.Tmpfs(target, o.path("SizeBytes").asLong(0),
                        JsonValues.number(o, "Mode").map(Long::intValue));
            }
            default -> {
                JsonNode o = JsonValues.at(m, "VolumeOptions");
                JsonNode d = JsonValues.at(o, "DriverConfig");
                return new ServiceMount.Volume(JsonValues.text(m, "Source"), target, ro, JsonValues.bool(o, "NoCopy"),
                        JsonValues.map(o, "Labels"), JsonValues.text(d, "Name"), JsonValues.map(d, "Options"));
            }
        }
    }

    private static void resources(JsonNode r, boolean limits, ServiceSpec.Builder b) {
        JsonValues.number(r, "NanoCPUs").filter(n -> n > 0).ifPresent(n -> {
            if (limits) {
                b.limitCpus(n / 1e9);
            } else {
                b.reserveCpus(n / 1e9);
            }
        });
        JsonValues.number(r, "MemoryBytes").filter(n -> n > 0).ifPresent(n -> {
            if (limits) {
                b.limitMemory(n);
            } else {
                b.reserveMemory(n);
            }
        });
        if (limits) {
            JsonValues.number(r, "Pids").filter(n -> n > 0).ifPresent(b::limitPids);
        }
    }

    private static Optional<UpdatePolicy> update(JsonNode u) {
        if (u == null || !u.isObject()) {
            return Optional.empty();
        }
        UpdatePolicy d = UpdatePolicy.defaults();
        return Optional.of(new UpdatePolicy(u.path("Parallelism").asInt(d.parallelism()),
                JsonValues.nanos(u, "Delay").orElse(Duration.ZERO),
                JsonValues.text(u, "FailureAction").map(FailureAction::parse).orElse(d.failureAction()),
                JsonValues.nanos(u, "Monitor").filter(x -> !x.isZero()).orElse(d.monitor()),
                u.path("MaxFailureRatio").asDouble(0),
                JsonValues.text(u, "Order").map(UpdateOrder::parse).orElse(d.order())));
    }

    private static Optional<HealthCheck> health(JsonNode h) {
        if (h == null || !h.isObject() || JsonValues.list(h, "Test").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HealthCheck(JsonValues.list(h, "Test"), JsonValues.nanos(h, "Interval").filter(d -> !d.isZero()),
                JsonValues.nanos(h, "Timeout").filter(d -> !d.isZero()),
                JsonValues.number(h, "Retries").filter(n -> n > 0).map(Long::intValue),
                JsonValues.nanos(h, "StartPeriod").filter(d -> !d.isZero())));
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
