package dev.berth.container.internal;

import dev.berth.Labels;
import dev.berth.container.ContainerSpec;
import dev.berth.container.Device;
import dev.berth.container.ExposedPort;
import dev.berth.container.HealthCheck;
import dev.berth.container.Mount;
import dev.berth.container.NetworkAttachment;
import dev.berth.container.PortBinding;
import dev.berth.container.Ulimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a {@link ContainerSpec} into the Engine API's container-create body ({@code POST /containers/create}),
 * with the field names the API documents: the one create model of Berth, used by {@code engine.container(…)} and by
 * the Compose engine alike. Pure, so unit tests check it without an engine.
 */
public final class CreateMapping {
    private CreateMapping() {
    }

    /**
     * What creating a container takes: the body, and the networks to connect once it exists.
     *
     * @param body         the {@code POST /containers/create} body
     * @param connectAfter networks beyond the first, on engines that take one network at creation (API before 1.44)
     */
    public record Create(Map<String, Object> body, List<NetworkAttachment> connectAfter) {
    }

    /**
     * The create body, adding {@code berthLabels} to the container and to the volumes the engine creates for it.
     *
     * @param allNetworksInBody whether every network goes into the body, as the docker CLI and Compose send them to
     *                          engines of API 1.44 and later; otherwise the others are connected afterwards
     */
    public static Create of(ContainerSpec spec, Map<String, String> berthLabels, boolean allNetworksInBody) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> host = new LinkedHashMap<>();
        body.put("Image", spec.image());
        spec.hostname().ifPresent(h -> body.put("Hostname", h));
        spec.domainname().ifPresent(d -> body.put("Domainname", d));
        spec.user().ifPresent(u -> body.put("User", u));
        spec.workdir().ifPresent(w -> body.put("WorkingDir", w));
        spec.command().ifPresent(c -> body.put("Cmd", c));
        spec.entrypoint().ifPresent(e -> body.put("Entrypoint", e.isEmpty() ? List.of("") : e));
        List<String> env = new ArrayList<>();
        spec.env().forEach((k, v) -> env.add(k + "=" + v));
        env.addAll(spec.unsetEnv());
        putIf(body, "Env", env);
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(berthLabels);
        if (!spec.secretEnv().isEmpty()) {
            labels.put(Labels.SECRET_ENV, String.join(",", spec.secretEnv()));
        }
        body.put("Labels", labels);
        spec.healthCheck().ifPresent(h -> body.put("Healthcheck", health(h)));
        spec.stopSignal().ifPresent(s -> body.put("StopSignal", s));
        spec.stopTimeout().ifPresent(t -> body.put("StopTimeout", t.toSeconds()));
        body.put("Tty", spec.tty());
        body.put("OpenStdin", spec.stdinOpen());
        body.put("AttachStdin", spec.stdinOpen());
        body.put("AttachStdout", true);
        body.put("AttachStderr", true);
        putIf(body, "NetworkDisabled", spec.networkDisabled());
        ports(spec, body, host);
        mounts(spec, berthLabels, host);
        limits(spec, host);
        security(spec, host);
        dnsAndLogs(spec, host);
        List<NetworkAttachment> later = networks(spec, allNetworksInBody, body, host);
        body.put("HostConfig", host);
        return new Create(body, later);
    }

    /** The create body alone, with the networks after the first left for connecting afterwards. */
    public static Map<String, Object> body(ContainerSpec spec, Map<String, String> berthLabels) {
        return of(spec, berthLabels, false).body();
    }

    /** The {@code POST /networks/NAME/connect} body that joins the container to a network after creation. */
    public static Map<String, Object> connectBody(String containerId, NetworkAttachment n) {
        return Map.of("Container", containerId, "EndpointConfig", endpoint(n));
    }

    /** The engine's health check object; durations in nanoseconds. */
    public static Map<String, Object> health(HealthCheck h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Test", h.test());
        h.interval().map(Duration::toNanos).ifPresent(v -> out.put("Interval", v));
        h.timeout().map(Duration::toNanos).ifPresent(v -> out.put("Timeout", v));
        h.retries().ifPresent(v -> out.put("Retries", v));
        h.startPeriod().map(Duration::toNanos).ifPresent(v -> out.put("StartPeriod", v));
        h.startInterval().map(Duration::toNanos).ifPresent(v -> out.put("StartInterval", v));
        return out;
    }

    private static void ports(ContainerSpec spec, Map<String, Object> body, Map<String, Object> host) {
        Map<String, Object> exposed = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> bindings = new LinkedHashMap<>();
        for (PortBinding p : spec.ports()) {
            String key = p.containerPort() + "/" + p.protocol().wireName();
            exposed.put(key, Map.of());
            bindings.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.of("HostIp", p.hostIp(),
                    "HostPort", p.hostPortSpec()));
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
            if (m instanceof Mount.Bind b && b.createHostPath()) {
                binds.add(bindString(b)); // -v semantics: the engine creates a missing host directory
                continue;
            }
            Map<String, Object> dm = new LinkedHashMap<>();
            if (m instanceof Mount.Bind b) {
                dm.put("Type", "bind");
                dm.put("Source", b.source().toString());
                dm.put("Target", b.target());
                putIf(dm, "ReadOnly", b.readOnly());
                b.propagation().ifPresent(p -> dm.put("BindOptions", Map.of("Propagation", p)));
            } else if (m instanceof Mount.Volume v) {
                dm.put("Type", "volume");
                v.name().ifPresent(n -> dm.put("Source", n));
                dm.put("Target", v.target());
                putIf(dm, "ReadOnly", v.readOnly());
                Map<String, Object> options = new LinkedHashMap<>();
                putIf(options, "NoCopy", v.noCopy());
                v.subpath().ifPresent(p -> options.put("Subpath", p));
                options.put("Labels", berthLabels); // on a volume the engine creates for this mount
                dm.put("VolumeOptions", options);
            } else if (m instanceof Mount.Tmpfs t) {
                Map<String, Object> options = new LinkedHashMap<>();
                if (t.sizeBytes() > 0) {
                    options.put("SizeBytes", t.sizeBytes());
                }
                t.mode().ifPresent(mode -> options.put("Mode", mode));
                dm.put("Type", "tmpfs");
                dm.put("Target", t.target());
                dm.put("TmpfsOptions", options);
            }
            mounts.add(dm);
        }
        putIf(host, "Binds", binds);
        putIf(host, "Mounts", mounts);
        if (!spec.tmpfs().isEmpty()) {
            host.put("Tmpfs", spec.tmpfs());
        }
        putIf(host, "VolumesFrom", spec.volumesFrom());
    }

    /** {@code SOURCE:TARGET[:OPTIONS]} as {@code -v} writes it: {@code ro}, SELinux relabelling, propagation. */
    private static String bindString(Mount.Bind b) {
        List<String> options = new ArrayList<>();
        if (b.readOnly()) {
            options.add("ro");
        }
        b.selinux().ifPresent(options::add);
        b.propagation().ifPresent(options::add);
        return b.source() + ":" + b.target() + (options.isEmpty() ? "" : ":" + String.join(",", options));
    }

    private static void limits(ContainerSpec spec, Map<String, Object> host) {
        spec.restart().ifPresent(r -> host.put("RestartPolicy",
                Map.of("Name", r.mode().wireName(), "MaximumRetryCount", r.maxRetries())));
        putIf(host, "Memory", spec.memoryBytes());
        putIf(host, "MemoryReservation", spec.memoryReservationBytes());
        putIf(host, "MemorySwap", spec.memorySwapBytes());
        putIf(host, "ShmSize", spec.shmSizeBytes());
        spec.cpus().ifPresent(c -> host.put("NanoCpus", Math.round(c * 1_000_000_000L)));
        putIf(host, "CpuShares", spec.cpuShares());
        putIf(host, "CpuPeriod", spec.cpuPeriod());
        putIf(host, "CpuQuota", spec.cpuQuota());
        putIf(host, "CpusetCpus", spec.cpusetCpus());
        putIf(host, "PidsLimit", spec.pidsLimit());
        List<Map<String, Object>> ulimits = new ArrayList<>();
        for (Ulimit u : spec.ulimits()) {
            ulimits.add(Map.of("Name", u.name(), "Soft", u.soft(), "Hard", u.hard()));
        }
        putIf(host, "Ulimits", ulimits);
        List<Map<String, Object>> devices = new ArrayList<>();
        for (Device d : spec.devices()) {
            devices.add(Map.of("PathOnHost", d.pathOnHost(), "PathInContainer", d.pathInContainer(),
                    "CgroupPermissions", d.permissions()));
        }
        putIf(host, "Devices", devices);
        putIf(host, "OomScoreAdj", spec.oomScoreAdj());
        putIf(host, "CgroupParent", spec.cgroupParent());
    }

    private static void security(ContainerSpec spec, Map<String, Object> host) {
        putIf(host, "AutoRemove", spec.autoRemove());
        putIf(host, "Privileged", spec.privileged());
        putIf(host, "Init", spec.init());
        putIf(host, "ReadonlyRootfs", spec.readOnlyRootfs());
        putIf(host, "CapAdd", spec.capAdd());
        putIf(host, "CapDrop", spec.capDrop());
        putIf(host, "SecurityOpt", spec.securityOpt());
        putIf(host, "GroupAdd", spec.groupAdd());
        if (!spec.sysctls().isEmpty()) {
            host.put("Sysctls", spec.sysctls());
        }
        putIf(host, "IpcMode", spec.ipc());
        putIf(host, "PidMode", spec.pid());
        putIf(host, "UTSMode", spec.uts());
        putIf(host, "UsernsMode", spec.userns());
        putIf(host, "CgroupnsMode", spec.cgroupns());
        putIf(host, "Runtime", spec.runtime());
    }

    private static void dnsAndLogs(ContainerSpec spec, Map<String, Object> host) {
        putIf(host, "ExtraHosts", spec.extraHosts());
        putIf(host, "Dns", spec.dns());
        putIf(host, "DnsSearch", spec.dnsSearch());
        putIf(host, "DnsOptions", spec.dnsOptions());
        if (spec.logDriver().isPresent() || !spec.logOptions().isEmpty()) {
            host.put("LogConfig", Map.of("Type", spec.logDriver().orElse(""), "Config", spec.logOptions()));
        }
    }

    /** Puts the network mode and endpoints into the body; returns the networks to connect after creation. */
    private static List<NetworkAttachment> networks(ContainerSpec spec, boolean allInBody, Map<String, Object> body,
                                                    Map<String, Object> host) {
        if (spec.networks().isEmpty()) {
            return List.of();
        }
        NetworkAttachment first = spec.networks().get(0);
        String mode = first.network().equals("default") ? "bridge" : first.network();
        host.put("NetworkMode", mode);
        List<NetworkAttachment> others = spec.networks().subList(1, spec.networks().size());
        Map<String, Object> endpoints = new LinkedHashMap<>();
        if (first.hasEndpointSettings() || allInBody && !others.isEmpty()) {
            endpoints.put(mode, endpoint(first));
        }
        if (allInBody) {
            others.forEach(n -> endpoints.put(n.network(), endpoint(n)));
        }
        if (!endpoints.isEmpty()) {
            body.put("NetworkingConfig", Map.of("EndpointsConfig", endpoints));
        }
        return allInBody ? List.of() : List.copyOf(others);
    }

    /** An endpoint's settings: aliases, static addresses, MAC address. */
    private static Map<String, Object> endpoint(NetworkAttachment n) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        putIf(endpoint, "Aliases", n.aliases());
        Map<String, Object> ipam = new LinkedHashMap<>();
        putIf(ipam, "IPv4Address", n.ipv4Address());
        putIf(ipam, "IPv6Address", n.ipv6Address());
        putIf(ipam, "LinkLocalIPs", n.linkLocalIps());
        if (!ipam.isEmpty()) {
            endpoint.put("IPAMConfig", ipam);
        }
        putIf(endpoint, "MacAddress", n.macAddress());
        return endpoint;
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

    private static void putIf(Map<String, Object> m, String key, Optional<?> value) {
        value.ifPresent(v -> m.put(key, v));
    }
}
