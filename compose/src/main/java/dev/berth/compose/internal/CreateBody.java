package dev.berth.compose.internal;

import dev.berth.compose.model.FileMount;
import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Healthcheck;
import dev.berth.compose.model.Mount;
import dev.berth.compose.model.Port;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.Ulimit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translates a Compose service into the Engine API's container-create body the way Docker Compose does
 * ({@code create.go} {@code getCreateConfigs}); pure, so unit tests check it without an engine.
 */
final class CreateBody {
    private CreateBody() {
    }

    /** What to create: the body, the container name and the networks to connect after creation (older engines). */
    record Plan(String name, Map<String, Object> body, List<Connect> connects) {
    }

    /** A network to connect after creation, with its endpoint settings. */
    record Connect(String network, Map<String, Object> endpoint) {
    }

    /**
     * The create plan for container {@code number} of the service.
     *
     * @param labels    every label to put on the container (compose, service and Berth labels)
     * @param refs      container ids for {@code service:} references, by service name
     * @param allInBody whether the engine takes every network at creation (API 1.44+)
     * @param aliases   whether to add the service name and configured aliases (false for one-off containers)
     */
    static Plan of(Project project, Service s, String name, Map<String, String> labels, Map<String, String> refs,
                   boolean allInBody, boolean aliases) {
        Map<String, Object> g = GoRenderer.renderStruct(s.raw(), "Service", "services." + s.name());
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> host = new LinkedHashMap<>();
        putStr(body, "Hostname", s.hostname());
        putStr(body, "Domainname", s.domainname());
        putStr(body, "User", s.user());
        Map<String, Object> exposed = new TreeMap<>();
        s.expose().forEach(e -> exposed.put(e, Map.of()));
        Map<String, List<Map<String, String>>> bindings = new TreeMap<>();
        for (Port p : s.ports()) {
            String key = p.target() + "/" + (p.protocol() == null ? "tcp" : p.protocol());
            exposed.put(key, Map.of());
            Map<String, String> b = new LinkedHashMap<>();
            b.put("HostIp", p.hostIp() == null ? "" : p.hostIp());
            b.put("HostPort", p.published() == null ? "" : p.published());
            bindings.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
        }
        if (!exposed.isEmpty()) {
            body.put("ExposedPorts", exposed);
        }
        body.put("Tty", s.tty());
        body.put("OpenStdin", s.stdinOpen());
        body.put("AttachStdout", true);
        body.put("AttachStderr", true);
        if (s.command() != null) {
            body.put("Cmd", s.command());
        }
        if (s.entrypoint() != null) {
            body.put("Entrypoint", s.entrypoint());
        }
        body.put("Image", imageName(project, s));
        putStr(body, "WorkingDir", s.workingDir());
        if ("disabled".equals(s.networkMode())) {
            body.put("NetworkDisabled", true);
        }
        body.put("Labels", labels);
        putStr(body, "StopSignal", s.stopSignal());
        List<String> env = new ArrayList<>();
        s.environment().forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
        body.put("Env", env);
        if (s.healthcheck() != null) {
            body.put("Healthcheck", health(s.healthcheck()));
        }
        if (s.stopGracePeriod() != null) {
            body.put("StopTimeout", s.stopGracePeriod().toSeconds());
        }
        mounts(project, s, host);
        host.put("PortBindings", bindings);
        hostConfig(s, g, host);
        List<String> from = volumesFrom(s, refs);
        if (!from.isEmpty()) {
            host.put("VolumesFrom", from);
        }
        List<Connect> connects = new ArrayList<>();
        networking(project, s, name, refs, allInBody, aliases, body, host, connects);
        body.put("HostConfig", host);
        return new Plan(name, body, connects);
    }

    /** {@code volumes_from}: {@code container:NAME[:mode]} as is, {@code SERVICE[:mode]} as its first container. */
    static List<String> volumesFrom(Service s, Map<String, String> refs) {
        List<String> out = new ArrayList<>();
        for (String v : s.volumesFrom()) {
            if (v.startsWith("container:")) {
                out.add(v.substring("container:".length()));
                continue;
            }
            int colon = v.indexOf(':');
            String service = colon < 0 ? v : v.substring(0, colon);
            String id = refs.getOrDefault(service, service);
            out.add(colon < 0 ? id : id + v.substring(colon));
        }
        return out;
    }

    /** The image a service runs: {@code image}, or {@code <project>-<service>} for build-only services. */
    static String imageName(Project project, Service s) {
        return s.image() != null && !s.image().isEmpty() ? s.image() : project.name() + "-" + s.name();
    }

    private static void hostConfig(Service s, Map<String, Object> g, Map<String, Object> host) {
        putList(host, "CapAdd", s.capAdd());
        putList(host, "CapDrop", s.capDrop());
        if (s.init() != null) {
            host.put("Init", s.init());
        }
        putStr(host, "IpcMode", s.ipc());
        putStr(host, "PidMode", s.pid());
        putStr(host, "CgroupnsMode", str(g.get("cgroup")));
        if (s.readOnly()) {
            host.put("ReadonlyRootfs", true);
        }
        host.put("RestartPolicy", restartPolicy(s));
        long shm = num(g.get("shm_size"));
        if (shm > 0) {
            host.put("ShmSize", shm);
        }
        if (!s.sysctls().isEmpty()) {
            host.put("Sysctls", s.sysctls());
        }
        putList(host, "Dns", s.dns());
        putList(host, "DnsSearch", s.dnsSearch());
        putList(host, "DnsOptions", strList(g.get("dns_opt")));
        List<String> hosts = new ArrayList<>();
        for (String h : s.extraHosts()) {
            int eq = h.indexOf('=');
            hosts.add(eq >= 0 ? h.substring(0, eq) + ":" + h.substring(eq + 1) : h);
        }
        host.put("ExtraHosts", hosts);
        putList(host, "SecurityOpt", s.securityOpt());
        putStr(host, "UsernsMode", str(g.get("userns_mode")));
        putStr(host, "UTSMode", str(g.get("uts")));
        if (s.privileged()) {
            host.put("Privileged", true);
        }
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (String t : s.tmpfs()) {
            int c = t.indexOf(':');
            tmpfs.put(c < 0 ? t : t.substring(0, c), c < 0 ? "" : t.substring(c + 1));
        }
        if (!tmpfs.isEmpty()) {
            host.put("Tmpfs", tmpfs);
        }
        putStr(host, "Runtime", str(g.get("runtime")));
        putList(host, "GroupAdd", strList(g.get("group_add")));
        if (s.logging() != null) {
            host.put("LogConfig", Map.of("Type", s.logging().driver() == null ? "" : s.logging().driver(),
                    "Config", s.logging().options()));
        }
        long oom = num(g.get("oom_score_adj"));
        if (oom != 0) {
            host.put("OomScoreAdj", oom);
        }
        resources(s, g, host);
    }

    private static void resources(Service s, Map<String, Object> g, Map<String, Object> host) {
        putStr(host, "CgroupParent", str(g.get("cgroup_parent")));
        long mem = num(g.get("mem_limit"));
        long reservation = num(g.get("mem_reservation"));
        double cpus = g.get("cpus") instanceof Number n ? n.doubleValue() : 0;
        long pids = num(g.get("pids_limit"));
        if (s.deploy() != null) {
            if (s.deploy().limits() != null) {
                var l = s.deploy().limits();
                mem = l.memoryBytes() != null && l.memoryBytes() != 0 ? l.memoryBytes() : mem;
                cpus = l.cpus() != null && l.cpus() != 0 ? l.cpus() : cpus;
                pids = l.pids() != null && l.pids() > 0 ? l.pids() : pids;
            }
            if (s.deploy().reservations() != null && s.deploy().reservations().memoryBytes() != null
                    && s.deploy().reservations().memoryBytes() != 0) {
                reservation = s.deploy().reservations().memoryBytes();
            }
        }
        putNum(host, "Memory", mem);
        putNum(host, "MemoryReservation", reservation);
        putNum(host, "MemorySwap", num(g.get("memswap_limit")));
        putNum(host, "NanoCpus", (long) ((float) cpus * 1e9));
        putNum(host, "CpuShares", num(g.get("cpu_shares")));
        putNum(host, "CpuPeriod", num(g.get("cpu_period")));
        putNum(host, "CpuQuota", num(g.get("cpu_quota")));
        putStr(host, "CpusetCpus", str(g.get("cpuset")));
        if (pids != 0) {
            host.put("PidsLimit", pids);
        }
        List<Map<String, Object>> devices = new ArrayList<>();
        if (g.get("devices") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> d) {
                    String src = str(d.get("source"));
                    String dst = str(d.get("target"));
                    String perm = str(d.get("permissions"));
                    devices.add(Map.of("PathOnHost", src, "PathInContainer", dst.isEmpty() ? src : dst,
                            "CgroupPermissions", perm.isEmpty() ? "rwm" : perm));
                }
            }
        }
        if (!devices.isEmpty()) {
            host.put("Devices", devices);
        }
        List<Map<String, Object>> ulimits = new ArrayList<>();
        for (Map.Entry<String, Ulimit> u : new TreeMap<>(s.ulimits()).entrySet()) {
            ulimits.add(Map.of("Name", u.getKey(), "Soft", u.getValue().soft(), "Hard", u.getValue().hard()));
        }
        if (!ulimits.isEmpty()) {
            host.put("Ulimits", ulimits);
        }
    }

    /** {@code restart:} and {@code deploy.restart_policy} (which wins) as the engine's restart policy. */
    static Map<String, Object> restartPolicy(Service s) {
        String name = "";
        long attempts = 0;
        if (s.restart() != null && !s.restart().isEmpty()) {
            String[] split = s.restart().split(":");
            name = mapRestart(split[0]);
            if (split.length > 1) {
                try {
                    attempts = Long.parseLong(split[1]);
                } catch (NumberFormatException ignored) {
                    attempts = 0;
                }
            }
        }
        if (s.deploy() != null && s.deploy().restartPolicy() != null) {
            var p = s.deploy().restartPolicy();
            name = mapRestart(p.condition() == null ? "" : p.condition());
            attempts = p.maxAttempts() == null ? 0 : p.maxAttempts();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Name", name);
        out.put("MaximumRetryCount", attempts);
        return out;
    }

    private static String mapRestart(String condition) {
        return switch (condition) {
            case "none", "no" -> "no";
            case "any", "always" -> "always";
            default -> condition;
        };
    }

    private static Map<String, Object> health(Healthcheck h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Test", h.disable() ? List.of("NONE") : h.test());
        putDur(out, "Interval", h.interval());
        putDur(out, "Timeout", h.timeout());
        putDur(out, "StartPeriod", h.startPeriod());
        putDur(out, "StartInterval", h.startInterval());
        if (h.retries() != null) {
            out.put("Retries", h.retries());
        }
        return out;
    }

    private static void mounts(Project project, Service s, Map<String, Object> host) {
        List<String> binds = new ArrayList<>();
        Map<String, Map<String, Object>> mounts = new TreeMap<>();
        for (Mount m : s.volumes()) {
            String target = Path.of(m.target()).normalize().toString();
            if ("bind".equals(m.type()) && m.bindCreateHostPath()) {
                binds.add(bindString(m));
                continue;
            }
            Map<String, Object> dm = new LinkedHashMap<>();
            String source = m.source();
            if ("volume".equals(m.type()) && source != null && project.volumes().containsKey(source)) {
                source = project.volumes().get(source).name();
            }
            dm.put("Type", m.type());
            if (source != null && !source.isEmpty()) {
                dm.put("Source", source);
            }
            dm.put("Target", target);
            if (m.readOnly()) {
                dm.put("ReadOnly", true);
            }
            if ("bind".equals(m.type()) && m.bindPropagation() != null) {
                dm.put("BindOptions", Map.of("Propagation", m.bindPropagation()));
            } else if ("volume".equals(m.type())) {
                Map<String, Object> vo = new LinkedHashMap<>();
                if (m.volumeNocopy()) {
                    vo.put("NoCopy", true);
                }
                if (m.volumeSubpath() != null) {
                    vo.put("Subpath", m.volumeSubpath());
                }
                dm.put("VolumeOptions", vo);
            } else if ("tmpfs".equals(m.type()) && (m.tmpfsSize() != null || m.tmpfsMode() != null)) {
                Map<String, Object> to = new LinkedHashMap<>();
                if (m.tmpfsSize() != null) {
                    to.put("SizeBytes", m.tmpfsSize());
                }
                if (m.tmpfsMode() != null) {
                    to.put("Mode", m.tmpfsMode());
                }
                dm.put("TmpfsOptions", to);
            }
            mounts.put(target, dm);
        }
        fileMounts(s.secrets(), project.secrets(), "/run/secrets/", mounts, "secret");
        fileMounts(s.configs(), project.configs(), "/", mounts, "config");
        if (!binds.isEmpty()) {
            host.put("Binds", binds);
        }
        if (!mounts.isEmpty()) {
            host.put("Mounts", new ArrayList<>(mounts.values()));
        }
    }

    /** The {@code -v} string Compose gives the engine for a bind that may create its host path. */
    private static String bindString(Mount m) {
        StringBuilder b = new StringBuilder(m.source()).append(':').append(m.target());
        List<String> opts = new ArrayList<>();
        if (m.readOnly()) {
            opts.add("ro");
        }
        if (m.bindSelinux() != null && !m.bindSelinux().isEmpty()) {
            opts.add(m.bindSelinux());
        }
        if (m.bindPropagation() != null && !m.bindPropagation().isEmpty()) {
            opts.add(m.bindPropagation());
        }
        if (!opts.isEmpty()) {
            b.append(':').append(String.join(",", opts));
        }
        return b.toString();
    }

    /** File-based secrets and configs as read-only binds, as Compose does on an engine without swarm. */
    private static void fileMounts(List<FileMount> refs, Map<String, FileObject> defs, String base,
                                   Map<String, Map<String, Object>> mounts, String kind) {
        for (FileMount f : refs) {
            String target = f.target() == null || f.target().isEmpty() ? base + f.source()
                    : f.target().startsWith("/") ? f.target() : base + f.target();
            FileObject def = defs.get(f.source());
            if (def == null || mounts.containsKey(target)) {
                continue;
            }
            if (def.external()) {
                throw new IllegalArgumentException("unsupported external " + kind + " " + def.name());
            }
            if (def.file() == null || def.file().isEmpty()) {
                continue; // environment or content: copied in after creation
            }
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("Type", "bind");
            dm.put("Source", def.file());
            dm.put("Target", target);
            dm.put("ReadOnly", true);
            mounts.put(target, dm);
        }
    }

    private static void networking(Project project, Service s, String name, Map<String, String> refs, boolean allInBody,
                                   boolean aliases, Map<String, Object> body, Map<String, Object> host,
                                   List<Connect> connects) {
        String mode = s.networkMode();
        if (mode != null && !mode.isEmpty()) {
            if (mode.startsWith("service:")) {
                String id = refs.get(mode.substring("service:".length()));
                mode = "container:" + (id == null ? mode.substring("service:".length()) : id);
            }
            host.put("NetworkMode", mode);
            return;
        }
        if (project.networks().isEmpty()) {
            host.put("NetworkMode", "none");
            return;
        }
        List<String> keys = byPriority(s);
        if (keys.isEmpty()) {
            keys = List.of("default");
        }
        String primary = networkName(project, keys.get(0));
        host.put("NetworkMode", primary);
        Map<String, Object> endpoints = new LinkedHashMap<>();
        endpoints.put(primary, endpoint(s, name, keys.get(0), aliases));
        for (String key : keys.subList(1, keys.size())) {
            if (allInBody) {
                endpoints.put(networkName(project, key), endpoint(s, name, key, aliases));
            } else {
                connects.add(new Connect(networkName(project, key), endpoint(s, name, key, aliases)));
            }
        }
        body.put("NetworkingConfig", Map.of("EndpointsConfig", endpoints));
    }

    static String networkName(Project project, String key) {
        var n = project.networks().get(key);
        return n == null ? key : n.name();
    }

    /** The service's networks by descending priority, then name ({@code NetworksByPriority}). */
    static List<String> byPriority(Service s) {
        List<String> keys = new ArrayList<>(s.networks().keySet());
        keys.sort(Comparator.comparingInt((String k) -> {
            ServiceNetwork n = s.networks().get(k);
            return n == null || n.priority() == null ? 0 : -n.priority();
        }).thenComparing(k -> k));
        return keys;
    }

    private static Map<String, Object> endpoint(Service s, String name, String key, boolean serviceAliases) {
        List<String> aliases = new ArrayList<>(List.of(name));
        ServiceNetwork n = s.networks().get(key);
        if (serviceAliases) {
            aliases.add(s.name());
            if (n != null) {
                aliases.addAll(n.aliases());
            }
        }
        Map<String, Object> ep = new LinkedHashMap<>();
        ep.put("Aliases", aliases);
        if (n != null) {
            Map<String, Object> ipam = new LinkedHashMap<>();
            putStr(ipam, "IPv4Address", n.ipv4Address());
            putStr(ipam, "IPv6Address", n.ipv6Address());
            putList(ipam, "LinkLocalIPs", n.linkLocalIps());
            ep.put("IPAMConfig", ipam);
            putStr(ep, "IPAddress", n.ipv4Address());
            putStr(ep, "MacAddress", n.macAddress());
        }
        return ep;
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static long num(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof String s && !s.isEmpty()) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static List<String> strList(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private static void putStr(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static void putList(Map<String, Object> m, String key, List<String> value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static void putNum(Map<String, Object> m, String key, long value) {
        if (value != 0) {
            m.put(key, value);
        }
    }

    private static void putDur(Map<String, Object> m, String key, Duration d) {
        if (d != null) {
            m.put(key, d.toNanos());
        }
    }
}
