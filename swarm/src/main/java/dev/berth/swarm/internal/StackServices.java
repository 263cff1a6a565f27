package dev.berth.swarm.internal;

import dev.berth.BerthException;
import dev.berth.container.HealthCheck;
import dev.berth.container.Protocol;
import dev.berth.compose.model.Deploy;
import dev.berth.compose.model.FileMount;
import dev.berth.compose.model.Mount;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Port;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.Volume;
import dev.berth.swarm.ConfigRef;
import dev.berth.swarm.EndpointMode;
import dev.berth.swarm.FailureAction;
import dev.berth.swarm.LogDriver;
import dev.berth.swarm.PublishMode;
import dev.berth.swarm.RestartCondition;
import dev.berth.swarm.RestartPolicy;
import dev.berth.swarm.SecretRef;
import dev.berth.swarm.ServiceMode;
import dev.berth.swarm.ServiceMount;
import dev.berth.swarm.ServicePort;
import dev.berth.swarm.ServiceSpec;
import dev.berth.swarm.UpdateOrder;
import dev.berth.swarm.UpdatePolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One compose service → a swarm {@link ServiceSpec}, field by field as {@code convert.Service} does. */
final class StackServices {
    private static final Set<String> BUILT_IN_NETWORKS = Set.of("default", "bridge", "host", "none");

    private StackServices() {
    }

    static ServiceSpec convert(String stack, Service s, Project project, List<String> warnings) {
        if (s.image() == null || s.image().isEmpty()) {
            throw new BerthException("Cannot deploy stack '" + stack + "': service '" + s.name() + "' has no image;"
                    + " a stack runs images every node can pull, so build and push it, then set image:");
        }
        ServiceSpec.Builder b = ServiceSpec.builder(s.image()).name(stack + "_" + s.name());
        Deploy d = s.deploy();
        if (d != null) {
            d.labels().forEach(b::label);
        }
        b.label(StackTranslator.NAMESPACE, stack).label(StackTranslator.IMAGE, s.image());
        s.labels().forEach(b::containerLabel);
        b.containerLabel(StackTranslator.NAMESPACE, stack);
        if (s.entrypoint() != null) {
            b.entrypoint(s.entrypoint().toArray(String[]::new));
        }
        if (s.command() != null) {
            b.command(s.command());
        }
        new TreeMap<>(s.environment()).forEach((k, v) -> {
            if (v != null) {
                b.env(k, v);
            }
        });
        if (s.hostname() != null) {
            b.hostname(s.hostname());
        }
        for (String h : s.extraHosts()) {
            int sep = h.indexOf('=') >= 0 ? h.indexOf('=') : h.indexOf(':');
            if (sep > 0) {
                b.host(h.substring(0, sep), h.substring(sep + 1));
            }
        }
        s.dns().forEach(b::dns);
        s.dnsSearch().forEach(b::dnsSearch);
        healthcheck(s).ifPresent(b::healthCheck);
        if (s.workingDir() != null) {
            b.workdir(s.workingDir());
        }
        if (s.user() != null) {
            b.user(s.user());
        }
        for (Mount m : s.volumes()) {
            b.mount(mount(stack, s, m, project));
        }
        if (s.stopGracePeriod() != null) {
            b.stopGracePeriod(s.stopGracePeriod());
        }
        if (s.stopSignal() != null) {
            b.stopSignal(s.stopSignal());
        }
        if (s.tty()) {
            b.tty();
        }
        if (s.stdinOpen()) {
            b.openStdin();
        }
        if (s.readOnly()) {
            b.readOnly();
        }
        if (Boolean.TRUE.equals(s.init())) {
            b.init();
        }
        // The CLI sorts by name; targets break ties so the order is stable (the CLI leaves it to map order).
        s.secrets().stream().map(f -> secret(stack, f, project))
                .sorted(Comparator.comparing((SecretRef r) -> r.secret()).thenComparing(r -> r.target())).forEach(b::secret);
        s.configs().stream().map(f -> config(stack, f, project))
                .sorted(Comparator.comparing((ConfigRef r) -> r.config()).thenComparing(r -> r.target())).forEach(b::config);
        s.sysctls().forEach(b::sysctl);
        capabilities(s.capAdd(), s.capDrop(), b);
        new TreeMap<>(s.ulimits()).forEach((name, u) -> b.ulimit(name, u.soft(), u.hard()));
        if (s.logging() != null && s.logging().driver() != null) {
            b.logDriver(new LogDriver(s.logging().driver(), s.logging().options()));
        }
        networks(stack, s, project).forEach(b::network);
        ports(s).forEach(b::publish);
        deploy(stack, s, b, warnings);
        return b.build();
    }

    /**
     * Capabilities as the CLI's {@code EffectiveCapAddCapDrop} sends them: upper case with a {@code CAP_} prefix (but
     * {@code ALL}), ALL trumping the rest, added ones removed from the dropped, each list sorted without duplicates.
     */
    static void capabilities(List<String> add, List<String> drop, ServiceSpec.Builder b) {
        java.util.SortedSet<String> a = normalize(add);
        java.util.SortedSet<String> d = normalize(drop);
        if (a.contains("ALL")) {
            a.retainAll(Set.of("ALL"));
        }
        if (d.contains("ALL")) {
            d.retainAll(Set.of("ALL"));
        }
        d.removeAll(a);
        b.capAdd(a.toArray(String[]::new));
        b.capDrop(d.toArray(String[]::new));
    }

    private static java.util.SortedSet<String> normalize(List<String> caps) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (String c : caps) {
            String n = c.trim().toUpperCase(java.util.Locale.ROOT);
            out.add(n.equals("ALL") || n.startsWith("CAP_") ? n : "CAP_" + n);
        }
        return out;
    }

    private static Optional<HealthCheck> healthcheck(Service s) {
        var h = s.healthcheck();
        if (h == null) {
            return Optional.empty();
        }
        if (h.disable()) {
            return Optional.of(HealthCheck.none());
        }
        if (h.test().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HealthCheck(h.test(), Optional.ofNullable(h.interval()), Optional.ofNullable(h.timeout()),
                Optional.ofNullable(h.retries()), Optional.ofNullable(h.startPeriod())));
    }

    private static ServiceMount mount(String stack, Service s, Mount m, Project project) {
        switch (m.type()) {
            case "volume" -> {
                if (m.source() == null || m.source().isEmpty()) {
                    return new ServiceMount.Volume(Optional.empty(), m.target(), m.readOnly(), m.volumeNocopy(),
                            Map.of(), Optional.empty(), Map.of());
                }
                Volume v = project.volumes().get(m.source());
                if (v == null) {
                    throw new BerthException("Cannot deploy stack '" + stack + "': service '" + s.name()
                            + "' mounts undefined volume '" + m.source() + "'");
                }
                String name = v.name() != null && !v.name().isEmpty() ? v.name() : stack + "_" + m.source();
                if (v.external()) {
                    return new ServiceMount.Volume(Optional.of(name), m.target(), m.readOnly(), m.volumeNocopy(),
                            Map.of(), Optional.empty(), Map.of());
                }
                Map<String, String> labels = new LinkedHashMap<>(v.labels());
                labels.put(StackTranslator.NAMESPACE, stack);
                boolean driver = v.driver() != null && !v.driver().isEmpty() || !v.driverOpts().isEmpty();
                return new ServiceMount.Volume(Optional.of(name), m.target(), m.readOnly(), m.volumeNocopy(), labels,
                        driver ? Optional.of(v.driver() == null ? "" : v.driver()) : Optional.empty(),
                        driver ? v.driverOpts() : Map.of());
            }
            case "bind" -> {
                return new ServiceMount.Bind(Path.of(m.source()), m.target(), m.readOnly(),
                        Optional.ofNullable(m.bindPropagation()).filter(p -> !p.isEmpty()));
            }
            case "tmpfs" -> {
                return new ServiceMount.Tmpfs(m.target(), m.tmpfsSize() == null ? 0 : m.tmpfsSize(), Optional.empty());
            }
            default -> throw new BerthException("Cannot deploy stack '" + stack + "': service '" + s.name()
                    + "' mounts a volume of type " + m.type() + "; swarm services support volume, bind and tmpfs");
        }
    }

    private static SecretRef secret(String stack, FileMount f, Project project) {
        var o = project.secrets().get(f.source());
        String name = o != null && o.name() != null && !o.name().isEmpty() ? o.name() : stack + "_" + f.source();
        String target = f.target() == null || f.target().isEmpty() ? f.source() : f.target();
        if (target.startsWith("/run/secrets/")) {
            target = target.substring("/run/secrets/".length());
        }
        return new SecretRef(name, target, f.uid() == null ? "0" : f.uid(), f.gid() == null ? "0" : f.gid(),
                f.mode() == null ? 0444 : f.mode());
    }

    private static ConfigRef config(String stack, FileMount f, Project project) {
        var o = project.configs().get(f.source());
        String name = o != null && o.name() != null && !o.name().isEmpty() ? o.name() : stack + "_" + f.source();
        String target = f.target() == null || f.target().isEmpty() ? f.source() : f.target();
        return new ConfigRef(name, target, f.uid() == null ? "0" : f.uid(), f.gid() == null ? "0" : f.gid(),
                f.mode() == null ? 0444 : f.mode());
    }

    private static List<dev.berth.swarm.ServiceNetwork> networks(String stack, Service s, Project project) {
        Map<String, ServiceNetwork> nets = new LinkedHashMap<>(s.networks());
        if (nets.isEmpty()) {
            nets.put("default", null);
        }
        List<dev.berth.swarm.ServiceNetwork> out = new ArrayList<>();
        nets.forEach((key, n) -> {
            Network config = project.networks().get(key);
            String target = StackTranslator.networkName(stack, key, config);
            List<String> aliases = new ArrayList<>(n == null ? List.of() : n.aliases());
            if (!BUILT_IN_NETWORKS.contains(target) && !target.startsWith("container:")) {
                aliases.add(s.name());
            }
            out.add(new dev.berth.swarm.ServiceNetwork(target, aliases, n == null ? Map.of() : n.driverOpts()));
        });
        out.sort(Comparator.comparing(dev.berth.swarm.ServiceNetwork::target));
        return out;
    }

    private static List<ServicePort> ports(Service s) {
        List<ServicePort> out = new ArrayList<>();
        for (Port p : s.ports()) {
            Optional<Integer> published = Optional.empty();
            if (p.published() != null && !p.published().isEmpty()) {
                if (!p.published().matches("\\d+")) {
                    throw new BerthException("Service '" + s.name() + "' publishes port range '" + p.published()
                            + "' for target " + p.target() + "; a swarm port maps one published port to one target");
                }
                published = Optional.of(Integer.parseInt(p.published()));
            }
            out.add(new ServicePort(p.target(), published,
                    Protocol.parse(p.protocol() == null ? "tcp" : p.protocol()),
                    p.mode() == null || p.mode().isEmpty() ? PublishMode.INGRESS : PublishMode.parse(p.mode())));
        }
        out.sort(Comparator.comparing((ServicePort p) -> p.protocol().wireName()).thenComparing(ServicePort::target)
                .thenComparing(p -> p.published().orElse(0)).thenComparing(ServicePort::mode));
        return out;
    }

    private static void deploy(String stack, Service s, ServiceSpec.Builder b, List<String> warnings) {
        Deploy d = s.deploy();
        Map<String, Object> raw = d == null ? Map.of() : d.raw();
        String mode = d == null || d.mode() == null ? "replicated" : d.mode();
        boolean replicasSet = s.scale() != null || d != null && d.replicas() != null;
        int replicas = s.replicas();
        switch (mode) {
            case "replicated" -> b.replicas(replicas);
            case "replicated-job" -> b.mode(ServiceMode.replicatedJob(replicas));
            case "global", "global-job" -> {
                if (replicasSet) {
                    throw new BerthException("Cannot deploy stack '" + stack + "': service '" + s.name()
                            + "': replicas can only be used with replicated or replicated-job mode");
                }
                b.mode(mode.equals("global") ? ServiceMode.global() : ServiceMode.globalJob());
            }
            default -> throw new BerthException("Cannot deploy stack '" + stack + "': service '" + s.name()
                    + "': unknown mode: " + mode);
        }
        if (d == null) {
            restartFromLegacy(s.restart()).ifPresent(b::restart);
            return;
        }
        if (d.endpointMode() != null && !d.endpointMode().isEmpty()) {
            b.endpointMode(EndpointMode.parse(d.endpointMode()));
        }
        if (d.limits() != null) {
            if (d.limits().cpus() != null) {
                b.limitCpus(d.limits().cpus());
            }
            if (d.limits().memoryBytes() != null) {
                b.limitMemory(d.limits().memoryBytes());
            }
            if (d.limits().pids() != null) {
                b.limitPids(d.limits().pids());
            }
        }
        if (d.reservations() != null) {
            if (d.reservations().cpus() != null) {
                b.reserveCpus(d.reservations().cpus());
            }
            if (d.reservations().memoryBytes() != null) {
                b.reserveMemory(d.reservations().memoryBytes());
            }
        }
        if (at(raw, "resources", "reservations", "generic_resources") != null) {
            warnings.add("Ignoring deploy.resources.reservations.generic_resources of service " + s.name()
                    + ": Berth does not support generic resources yet");
        }
        if (d.restartPolicy() != null) {
            var r = d.restartPolicy();
            b.restart(new RestartPolicy(RestartCondition.parse(r.condition() == null ? "any" : r.condition()),
                    Optional.ofNullable(r.delay()), Optional.ofNullable(r.maxAttempts()),
                    Optional.ofNullable(r.window())));
        } else {
            restartFromLegacy(s.restart()).ifPresent(b::restart);
        }
        d.placementConstraints().forEach(b::constraint);
        if (at(raw, "placement", "preferences") instanceof List<?> prefs) {
            for (Object p : prefs) {
                if (p instanceof Map<?, ?> m && m.get("spread") != null) {
                    b.spread(m.get("spread").toString());
                }
            }
        }
        if (d.maxReplicasPerNode() != null) {
            b.maxReplicasPerNode(d.maxReplicasPerNode());
        }
        update(d.updateConfig()).ifPresent(b::updateConfig);
        update(d.rollbackConfig()).ifPresent(b::rollbackConfig);
    }

    /** The legacy {@code restart:} value, converted as the CLI's {@code convertRestartPolicy} does. */
    static Optional<RestartPolicy> restartFromLegacy(String restart) {
        if (restart == null || restart.isEmpty() || restart.equals("no")) {
            return Optional.empty();
        }
        String name = restart;
        int max = 0;
        int colon = restart.indexOf(':');
        if (colon >= 0) {
            name = restart.substring(0, colon);
            max = Integer.parseInt(restart.substring(colon + 1));
        }
        RestartPolicy p = switch (name) {
            case "always", "unless-stopped" -> RestartPolicy.any();
            case "on-failure" -> RestartPolicy.onFailure();
            default -> throw new BerthException("invalid restart policy: unknown policy '" + name + "' (must be one of"
                    + " 'no', 'always', 'on-failure', or 'unless-stopped')");
        };
        return Optional.of(max > 0 ? p.maxAttempts(max) : p);
    }

    private static Optional<UpdatePolicy> update(Deploy.UpdateConfig u) {
        if (u == null) {
            return Optional.empty();
        }
        UpdatePolicy p = UpdatePolicy.defaults();
        if (u.parallelism() != null) {
            p = p.parallelism(u.parallelism());
        }
        if (u.delay() != null) {
            p = p.delay(u.delay());
        }
        if (u.failureAction() != null && !u.failureAction().isEmpty()) {
            p = p.failureAction(FailureAction.parse(u.failureAction()));
        }
        if (u.monitor() != null && !u.monitor().equals(Duration.ZERO)) {
            p = p.monitor(u.monitor());
        }
        if (u.maxFailureRatio() != null) {
            p = p.maxFailureRatio(u.maxFailureRatio());
        }
        if (u.order() != null && !u.order().isEmpty()) {
            p = p.order(UpdateOrder.parse(u.order()));
        }
        return Optional.of(p);
    }

    private static Object at(Map<String, Object> raw, String... path) {
        Object o = raw;
        for (String p : path) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            o = m.get(p);
        }
        return o;
    }
}
