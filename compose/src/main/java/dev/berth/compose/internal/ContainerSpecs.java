package dev.berth.compose.internal;

import dev.berth.compose.model.FileMount;
import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Healthcheck;
import dev.berth.compose.model.Port;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.container.ContainerSpec;
import dev.berth.container.HealthCheck;
import dev.berth.container.Mount;
import dev.berth.container.NetworkAttachment;
import dev.berth.container.PortBinding;
import dev.berth.container.Protocol;
import dev.berth.container.PullPolicy;
import dev.berth.container.RestartPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Compose service as core's {@link ContainerSpec}, mapped the way Docker Compose's {@code getCreateConfigs}
 * ({@code create.go}) maps it; core's create mapping then writes the Engine API body, so compose and
 * {@code engine.container(…)} share one create model. Pure, so unit tests check it without an engine.
 */
final class ContainerSpecs {
    private ContainerSpecs() {
    }

    /**
     * The spec of container {@code name} of the service (which its endpoints take as an alias), without the
     * container's name and labels: the caller sets those.
     *
     * @param refs    container ids for {@code service:} references, by service name
     * @param aliases whether to add the service name and configured aliases (false for one-off containers)
     * @param ports   whether to publish the service's ports (false for one-off containers without --service-ports)
     * @throws IllegalArgumentException when a value cannot be given to the engine
     */
    static ContainerSpec.Builder of(Project project, Service s, String name, Map<String, String> refs,
                                    boolean aliases, boolean ports) {
        Map<String, Object> g = GoRenderer.renderStruct(s.raw(), "Service", "services." + s.name());
        ContainerSpec.Builder b = ContainerSpec.builder(imageName(project, s)).pull(PullPolicy.NEVER);
        text(s.hostname(), b::hostname);
        text(s.domainname(), b::domainname);
        text(s.user(), b::user);
        text(s.workingDir(), b::workdir);
        text(s.stopSignal(), b::stopSignal);
        if (s.command() != null) {
            b.command(s.command());
        }
        if (s.entrypoint() != null && !s.entrypoint().isEmpty()) {
            b.entrypoint(s.entrypoint()); // an empty one keeps the image's, as the engine treats Compose's []
        }
        s.environment().forEach((k, v) -> {
            if (v == null) {
                b.unsetEnv(k);
            } else {
                b.env(k, v);
            }
        });
        if (s.tty()) {
            b.tty();
        }
        if (s.stdinOpen()) {
            b.stdinOpen();
        }
        s.expose().forEach(b::expose);
        if (ports) {
            s.ports().forEach(p -> b.publish(port(p)));
        }
        if (s.healthcheck() != null) {
            b.healthCheck(health(s.healthcheck()));
        }
        if (s.stopGracePeriod() != null) {
            b.stopTimeout(s.stopGracePeriod());
        }
        restartPolicy(s).ifPresent(b::restart);
        mounts(project, s, b);
        volumesFrom(s, refs).forEach(b::volumesFrom);
        HostSettings.apply(s, g, b);
        networking(project, s, name, refs, aliases, b);
        return b;
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

    private static PortBinding port(Port p) {
        Protocol protocol = p.protocol() == null ? Protocol.TCP : Protocol.parse(p.protocol());
        String ip = p.hostIp() == null ? "" : p.hostIp();
        String published = p.published() == null ? "" : p.published();
        if (published.isEmpty()) {
            return new PortBinding(ip, 0, p.target(), protocol);
        }
        int dash = published.indexOf('-');
        return dash < 0 ? new PortBinding(ip, Integer.parseInt(published), p.target(), protocol)
                : new PortBinding(ip, Integer.parseInt(published.substring(0, dash)), p.target(), protocol,
                Integer.parseInt(published.substring(dash + 1)));
    }

    /** {@code restart:} and {@code deploy.restart_policy} (which wins) as the engine's restart policy, if any. */
    static Optional<RestartPolicy> restartPolicy(Service s) {
        String name = "";
        int attempts = 0;
        if (s.restart() != null && !s.restart().isEmpty()) {
            String[] split = s.restart().split(":");
            name = mapRestart(split[0]);
            if (split.length > 1) {
                try {
                    attempts = Integer.parseInt(split[1]);
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
        return name.isEmpty() ? Optional.empty() : Optional.of(RestartPolicy.parse(name + ":" + attempts));
    }

    private static String mapRestart(String condition) {
        return switch (condition) {
            case "none", "no" -> "no";
            case "any", "always" -> "always";
            default -> condition;
        };
    }

    private static HealthCheck health(Healthcheck h) {
        if (h.disable()) {
            return HealthCheck.none();
        }
        return new HealthCheck(h.test(), positive(h.interval()), positive(h.timeout()),
                Optional.ofNullable(h.retries()), positive(h.startPeriod()), positive(h.startInterval()));
    }

    /** A duration Compose sets; zero means "the engine's default", which is what leaving it out says too. */
    private static Optional<Duration> positive(Duration d) {
        return d == null || d.isZero() ? Optional.empty() : Optional.of(d);
    }

    private static void mounts(Project project, Service s, ContainerSpec.Builder b) {
        Map<String, Mount> mounts = new TreeMap<>();
        for (dev.berth.compose.model.Mount m : s.volumes()) {
            String target = Path.of(m.target()).normalize().toString();
            String source = m.source();
            switch (m.type()) {
                case "bind" -> {
                    Mount.Bind bind = new Mount.Bind(Path.of(source), target, m.readOnly(), m.bindCreateHostPath(),
                            Optional.ofNullable(m.bindPropagation()).filter(p -> !p.isEmpty()),
                            Optional.ofNullable(m.bindSelinux()).filter(z -> !z.isEmpty()));
                    if (bind.createHostPath()) {
                        b.mount(bind); // a -v bind, in the order written
                    } else {
                        mounts.put(target, bind);
                    }
                }
                case "volume" -> {
                    if (source != null && project.volumes().containsKey(source)) {
                        source = project.volumes().get(source).name();
                    }
                    mounts.put(target, new Mount.Volume(Optional.ofNullable(source).filter(n -> !n.isEmpty()),
                            target, m.readOnly(), m.volumeNocopy(), Optional.ofNullable(m.volumeSubpath())));
                }
                case "tmpfs" -> mounts.put(target, new Mount.Tmpfs(target, m.tmpfsSize() == null ? 0 : m.tmpfsSize(),
                        Optional.ofNullable(m.tmpfsMode())));
                default -> throw new IllegalArgumentException("volume type " + m.type() + " of " + target
                        + " is not supported on this engine; use bind, volume or tmpfs");
            }
        }
        fileMounts(s.secrets(), project.secrets(), "/run/secrets/", mounts, "secret");
        fileMounts(s.configs(), project.configs(), "/", mounts, "config");
        mounts.values().forEach(b::mount);
        for (String t : s.tmpfs()) {
            int c = t.indexOf(':');
            b.tmpfs(c < 0 ? t : t.substring(0, c), c < 0 ? "" : t.substring(c + 1));
        }
    }

    /** File-based secrets and configs as read-only binds, as Compose does on an engine without swarm. */
    private static void fileMounts(List<FileMount> refs, Map<String, FileObject> defs, String base,
                                   Map<String, Mount> mounts, String kind) {
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
            mounts.put(target, new Mount.Bind(Path.of(def.file()), target, true, false, Optional.empty(),
                    Optional.empty()));
        }
    }

    private static void networking(Project project, Service s, String name, Map<String, String> refs,
                                   boolean aliases, ContainerSpec.Builder b) {
        String mode = s.networkMode();
        if ("disabled".equals(mode)) {
            b.networkDisabled();
            return;
        }
        if (mode != null && !mode.isEmpty()) {
            if (mode.startsWith("service:")) {
                String id = refs.get(mode.substring("service:".length()));
                mode = "container:" + (id == null ? mode.substring("service:".length()) : id);
            }
            b.network(mode);
            return;
        }
        if (project.networks().isEmpty()) {
            b.network("none");
            return;
        }
        List<String> keys = byPriority(s);
        for (String key : keys.isEmpty() ? List.of("default") : keys) {
            b.network(endpoint(s, networkName(project, key), name, key, aliases));
        }
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

    private static NetworkAttachment endpoint(Service s, String network, String name, String key,
                                              boolean serviceAliases) {
        List<String> aliases = new ArrayList<>(List.of(name));
        ServiceNetwork n = s.networks().get(key);
        if (serviceAliases) {
            aliases.add(s.name());
            if (n != null) {
                aliases.addAll(n.aliases());
            }
        }
        if (n == null) {
            return new NetworkAttachment(network, aliases, Optional.empty());
        }
        return new NetworkAttachment(network, aliases, text(n.ipv4Address()), text(n.ipv6Address()),
                n.linkLocalIps(), text(n.macAddress()));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    /** Calls {@code setter} with the value unless it is null or empty, as Compose leaves empty strings out. */
    static void text(String value, java.util.function.Consumer<String> setter) {
        text(value).ifPresent(setter);
    }
}
