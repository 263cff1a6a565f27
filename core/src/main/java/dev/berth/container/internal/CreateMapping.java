package dev.berth.container.internal;

import dev.berth.container.ContainerSpec;
import dev.berth.container.ExposedPort;
import dev.berth.container.HealthCheck;
import dev.berth.container.Mount;
import dev.berth.container.NetworkAttachment;
import dev.berth.container.PortBinding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link ContainerSpec} into the Engine API's container-create body ({@code POST /containers/create}),
 * with the field names the API documents; pure, so unit tests check it without an engine. Networks after the first
 * are not part of the body; they are connected after creation.
 */
public final class CreateMapping {
    private CreateMapping() {
    }

    /** The request body, adding {@code berthLabels} to the container and to the volumes the engine creates for it. */
    public static Map<String, Object> body(ContainerSpec spec, Map<String, String> berthLabels) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> host = new LinkedHashMap<>();
        body.put("Image", spec.image());
        spec.hostname().ifPresent(h -> body.put("Hostname", h));
        spec.user().ifPresent(u -> body.put("User", u));
        spec.workdir().ifPresent(w -> body.put("WorkingDir", w));
        spec.command().ifPresent(c -> body.put("Cmd", c));
        spec.entrypoint().ifPresent(e -> body.put("Entrypoint", e.isEmpty() ? List.of("") : e));
        if (!spec.env().isEmpty()) {
            body.put("Env", spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(berthLabels);
        body.put("Labels", labels);
        spec.healthCheck().ifPresent(h -> body.put("Healthcheck", health(h)));
        spec.stopSignal().ifPresent(s -> body.put("StopSignal", s));
        spec.stopTimeout().ifPresent(t -> body.put("StopTimeout", t.toSeconds()));
        body.put("Tty", spec.tty());
        body.put("OpenStdin", spec.stdinOpen());
        body.put("AttachStdin", spec.stdinOpen());
        body.put("AttachStdout", true);
        body.put("AttachStderr", true);
        ports(spec, body, host);
        mounts(spec, berthLabels, host);
        spec.restart().ifPresent(r -> host.put("RestartPolicy",
                Map.of("Name", r.mode().wireName(), "MaximumRetryCount", r.maxRetries())));
        spec.memoryBytes().ifPresent(m -> host.put("Memory", m));
        spec.cpus().ifPresent(c -> host.put("NanoCpus", Math.round(c * 1_000_000_000L)));
        putIf(host, "AutoRemove", spec.autoRemove());
        putIf(host, "Privileged", spec.privileged());
        putIf(host, "Init", spec.init());
        putIf(host, "ReadonlyRootfs", spec.readOnlyRootfs());
        putIf(host, "CapAdd", spec.capAdd());
        putIf(host, "CapDrop", spec.capDrop());
        putIf(host, "ExtraHosts", spec.extraHosts());
        putIf(host, "Dns", spec.dns());
        network(spec, body, host);
        body.put("HostConfig", host);
        return body;
    }

    private static void ports(ContainerSpec spec, Map<String, Object> body, Map<String, Object> host) {
        Map<String, Object> exposed = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> bindings = new LinkedHashMap<>();
        for (PortBinding p : spec.ports()) {
            String key = p.containerPort() + "/" + p.protocol().wireName();
            exposed.put(key, Map.of());
            bindings.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.of("HostIp", p.hostIp(),
                    "HostPort", p.hostPort() == 0 ? "" : Integer.toString(p.hostPort())));
        }
        for (ExposedPort e : spec.expose()) {
            exposed.put(e.toString(), Map.of());
        }
        if (!exposed.isEmpty()) {
            body.put("ExposedPorts", exposed);
        }
        if (!bindings.isEmpty()) {
            host.put("PortBindings", bindings);
        }
    }

    private static void mounts(ContainerSpec spec, Map<String, String> berthLabels, Map<String, Object> host) {
        List<String> binds = new ArrayList<>();
        List<Map<String, Object>> mounts = new ArrayList<>();
        for (Mount m : spec.mounts()) {
            if (m instanceof Mount.Bind b) {
                // -v semantics: the engine creates a missing host directory, unlike the Mounts API.
                binds.add(b.source() + ":" + b.target() + (b.readOnly() ? ":ro" : ":rw"));
            } else if (m instanceof Mount.Volume v) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("Type", "volume");
                v.name().ifPresent(n -> dm.put("Source", n));
                dm.put("Target", v.target());
                dm.put("ReadOnly", v.readOnly());
                dm.put("VolumeOptions", Map.of("Labels", berthLabels));
                mounts.add(dm);
            } else if (m instanceof Mount.Tmpfs t) {
                Map<String, Object> options = new LinkedHashMap<>();
                if (t.sizeBytes() > 0) {
                    options.put("SizeBytes", t.sizeBytes());
                }
                t.mode().ifPresent(mode -> options.put("Mode", mode));
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("Type", "tmpfs");
                dm.put("Target", t.target());
                dm.put("TmpfsOptions", options);
                mounts.add(dm);
            }
        }
        putIf(host, "Binds", binds);
        putIf(host, "Mounts", mounts);
    }

    private static void network(ContainerSpec spec, Map<String, Object> body, Map<String, Object> host) {
        if (spec.networks().isEmpty()) {
            return;
        }
        NetworkAttachment first = spec.networks().get(0);
        String mode = first.network().equals("default") ? "bridge" : first.network();
        host.put("NetworkMode", mode);
        if (!first.aliases().isEmpty() || first.ipv4Address().isPresent()) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            if (!first.aliases().isEmpty()) {
                endpoint.put("Aliases", first.aliases());
            }
            first.ipv4Address().ifPresent(ip -> endpoint.put("IPAMConfig", Map.of("IPv4Address", ip)));
            body.put("NetworkingConfig", Map.of("EndpointsConfig", Map.of(mode, endpoint)));
        }
    }

    /** The engine's health check object; durations in nanoseconds. */
    public static Map<String, Object> health(HealthCheck h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Test", h.test());
        h.interval().map(Duration::toNanos).ifPresent(v -> out.put("Interval", v));
        h.timeout().map(Duration::toNanos).ifPresent(v -> out.put("Timeout", v));
        h.retries().ifPresent(v -> out.put("Retries", v));
        h.startPeriod().map(Duration::toNanos).ifPresent(v -> out.put("StartPeriod", v));
        return out;
    }

    private static void putIf(Map<String, Object> m, String key, boolean value) {
        if (value) {
            m.put(key, true);
        }
    }

    private static void putIf(Map<String, Object> m, String key, List<?> value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }
}
