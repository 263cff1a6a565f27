package dev.berth.container.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.berth.container.ContainerSpec;
import dev.berth.container.HealthCheck;
import dev.berth.container.Mount;
import dev.berth.container.NetworkAttachment;
import dev.berth.container.PortBinding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Translates a {@link ContainerSpec} into docker-java's create command; pure, so unit tests check it without an engine. */
public final class CreateMapping {
    private CreateMapping() {
    }

    /**
     * Fills {@code cmd} from the spec, adding {@code berthLabels} to the container and to volumes the engine creates.
     * Networks after the first are not set here; they are connected after creation.
     */
    public static void apply(ContainerSpec spec, Map<String, String> berthLabels, CreateContainerCmd cmd) {
        HostConfig host = HostConfig.newHostConfig();
        cmd.withImage(spec.image());
        spec.name().ifPresent(cmd::withName);
        spec.command().ifPresent(cmd::withCmd);
        spec.entrypoint().ifPresent(e -> cmd.withEntrypoint(e.isEmpty() ? List.of("") : e));
        if (!spec.env().isEmpty()) {
            cmd.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(berthLabels);
        cmd.withLabels(labels);
        ports(spec, cmd, host);
        mounts(spec, berthLabels, host);
        network(spec, cmd, host);
        spec.restart().ifPresent(r -> host.withRestartPolicy(restart(r)));
        spec.user().ifPresent(cmd::withUser);
        spec.workdir().ifPresent(cmd::withWorkingDir);
        spec.hostname().ifPresent(cmd::withHostName);
        spec.healthCheck().ifPresent(h -> cmd.withHealthcheck(health(h)));
        spec.memoryBytes().ifPresent(host::withMemory);
        spec.cpus().ifPresent(c -> host.withNanoCPUs(Math.round(c * 1_000_000_000L)));
        if (spec.autoRemove()) {
            host.withAutoRemove(true);
        }
        if (spec.privileged()) {
            host.withPrivileged(true);
        }
        if (!spec.capAdd().isEmpty()) {
            host.withCapAdd(capabilities(spec.capAdd()));
        }
        if (!spec.capDrop().isEmpty()) {
            host.withCapDrop(capabilities(spec.capDrop()));
        }
        if (!spec.extraHosts().isEmpty()) {
            host.withExtraHosts(spec.extraHosts().toArray(String[]::new));
        }
        if (!spec.dns().isEmpty()) {
            host.withDns(spec.dns());
        }
        if (spec.init()) {
            host.withInit(true);
        }
        if (spec.readOnlyRootfs()) {
            host.withReadonlyRootfs(true);
        }
        spec.stopSignal().ifPresent(cmd::withStopSignal);
        spec.stopTimeout().ifPresent(t -> cmd.withStopTimeout((int) t.toSeconds()));
        if (spec.tty()) {
            cmd.withTty(true);
        }
        if (spec.stdinOpen()) {
            cmd.withStdinOpen(true).withAttachStdin(true);
        }
        cmd.withAttachStdout(true).withAttachStderr(true);
        cmd.withHostConfig(host);
    }

    private static void ports(ContainerSpec spec, CreateContainerCmd cmd, HostConfig host) {
        Set<ExposedPort> exposed = new LinkedHashSet<>();
        Ports bindings = new Ports();
        for (PortBinding p : spec.ports()) {
            ExposedPort ep = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol().wireName()));
            exposed.add(ep);
            String ip = p.hostIp().isEmpty() ? null : p.hostIp();
            String port = p.hostPort() == 0 ? null : Integer.toString(p.hostPort());
            bindings.bind(ep, new Ports.Binding(ip, port));
        }
        for (dev.berth.container.ExposedPort e : spec.expose()) {
            exposed.add(new ExposedPort(e.port(), InternetProtocol.parse(e.protocol().wireName())));
        }
        if (!exposed.isEmpty()) {
            cmd.withExposedPorts(new ArrayList<>(exposed));
        }
        if (!spec.ports().isEmpty()) {
            host.withPortBindings(bindings);
        }
    }

    private static void mounts(ContainerSpec spec, Map<String, String> berthLabels, HostConfig host) {
        List<Bind> binds = new ArrayList<>();
        List<com.github.dockerjava.api.model.Mount> mounts = new ArrayList<>();
        for (Mount m : spec.mounts()) {
            if (m instanceof Mount.Bind b) {
                // -v semantics: the engine creates a missing host directory, unlike the Mounts API.
                binds.add(new Bind(b.source().toString(), new Volume(b.target()), b.readOnly() ? AccessMode.ro : AccessMode.rw));
            } else if (m instanceof Mount.Volume v) {
                com.github.dockerjava.api.model.Mount dm = new com.github.dockerjava.api.model.Mount()
                        .withType(MountType.VOLUME).withTarget(v.target())
                        .withVolumeOptions(new VolumeOptions().withLabels(berthLabels));
                v.name().ifPresent(dm::withSource);
                if (v.readOnly()) {
                    dm.withReadOnly(true);
                }
                mounts.add(dm);
            } else if (m instanceof Mount.Tmpfs t) {
                TmpfsOptions options = new TmpfsOptions();
                if (t.sizeBytes() > 0) {
                    options.withSizeBytes(t.sizeBytes());
                }
                t.mode().ifPresent(options::withMode);
                mounts.add(new com.github.dockerjava.api.model.Mount().withType(MountType.TMPFS)
                        .withTarget(t.target()).withTmpfsOptions(options));
            }
        }
        if (!binds.isEmpty()) {
            host.withBinds(binds);
        }
        if (!mounts.isEmpty()) {
            host.withMounts(mounts);
        }
    }

    private static void network(ContainerSpec spec, CreateContainerCmd cmd, HostConfig host) {
        if (spec.networks().isEmpty()) {
            return;
        }
        NetworkAttachment first = spec.networks().get(0);
        host.withNetworkMode(first.network().equals("default") ? "bridge" : first.network());
        if (!first.aliases().isEmpty()) {
            cmd.withAliases(first.aliases());
        }
        first.ipv4Address().ifPresent(cmd::withIpv4Address);
    }

    static RestartPolicy restart(dev.berth.container.RestartPolicy r) {
        return switch (r.mode()) {
            case NO -> RestartPolicy.noRestart();
            case ALWAYS -> RestartPolicy.alwaysRestart();
            case UNLESS_STOPPED -> RestartPolicy.unlessStoppedRestart();
            case ON_FAILURE -> RestartPolicy.onFailureRestart(r.maxRetries());
        };
    }

    /** The engine's health check form of a Berth health check; durations in nanoseconds. */
    public static com.github.dockerjava.api.model.HealthCheck health(HealthCheck h) {
        com.github.dockerjava.api.model.HealthCheck out = new com.github.dockerjava.api.model.HealthCheck()
                .withTest(h.test());
        h.interval().map(Duration::toNanos).ifPresent(out::withInterval);
        h.timeout().map(Duration::toNanos).ifPresent(out::withTimeout);
        h.retries().ifPresent(out::withRetries);
        h.startPeriod().map(Duration::toNanos).ifPresent(out::withStartPeriod);
        return out;
    }

    private static Capability[] capabilities(List<String> names) {
        return names.stream().map(n -> {
            try {
                return Capability.valueOf(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown Linux capability '" + n + "'; see capabilities(7)", e);
            }
        }).toArray(Capability[]::new);
    }
}
