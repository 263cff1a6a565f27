package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.container.HealthCheck;
import dev.berth.internal.Json;
import dev.berth.internal.JsonValues;
import dev.berth.swarm.ConfigRef;
import dev.berth.swarm.LogDriver;
import dev.berth.swarm.Resources;
import dev.berth.swarm.RestartPolicy;
import dev.berth.swarm.SecretRef;
import dev.berth.swarm.ServiceMode;
import dev.berth.swarm.ServiceMount;
import dev.berth.swarm.ServiceNetwork;
import dev.berth.swarm.ServicePort;
import dev.berth.swarm.ServiceSpec;
import dev.berth.swarm.Ulimit;
import dev.berth.swarm.UpdatePolicy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@link ServiceSpec} → the Engine API's {@code ServiceSpec} JSON, as a pure function. Secrets and configs are
 * referenced by id on the wire, so the caller passes the name → id lookups.
 */
public final class ServiceJson {
    private ServiceJson() {
    }

    /** The engine's id of a secret or config, looked up by name. */
    public record Ids(UnaryOperator<String> secretId, UnaryOperator<String> configId) {
        /** Lookups that return the name itself, for tests and previews. */
        public static Ids byName() {
            return new Ids(n -> n, n -> n);
        }
    }

    /** The Engine API JSON of {@code spec}. */
    public static ObjectNode toJson(ServiceSpec spec, Ids ids) {
        ObjectNode root = Json.object();
        spec.name().ifPresent(n -> root.put("Name", n));
        root.set("Labels", Json.stringMap(spec.labels()));
        ObjectNode task = root.putObject("TaskTemplate");
        task.set("ContainerSpec", container(spec, ids));
        ObjectNode resources = task.putObject("Resources");
        spec.limits().ifPresent(r -> resources.set("Limits", resources(r, true)));
        spec.reservations().ifPresent(r -> resources.set("Reservations", resources(r, false)));
        spec.restartPolicy().ifPresent(p -> task.set("RestartPolicy", restart(p)));
        ObjectNode placement = task.putObject("Placement");
        if (!spec.constraints().isEmpty()) {
            placement.set("Constraints", Json.strings(spec.constraints()));
        }
        if (!spec.spreadPreferences().isEmpty()) {
            ArrayNode prefs = placement.putArray("Preferences");
            spec.spreadPreferences().forEach(d -> prefs.addObject().putObject("Spread").put("SpreadDescriptor", d));
        }
        spec.maxReplicasPerNode().ifPresent(n -> placement.put("MaxReplicas", n));
        if (!spec.networks().isEmpty()) {
            ArrayNode nets = task.putArray("Networks");
            for (ServiceNetwork n : spec.networks()) {
                ObjectNode o = nets.addObject().put("Target", n.target());
                if (!n.aliases().isEmpty()) {
                    o.set("Aliases", Json.strings(n.aliases()));
                }
                if (!n.driverOpts().isEmpty()) {
                    o.set("DriverOpts", Json.stringMap(n.driverOpts()));
                }
            }
        }
        spec.logDriver().ifPresent(d -> task.set("LogDriver", logDriver(d)));
        root.set("Mode", mode(spec.mode()));
        spec.updateConfig().ifPresent(u -> root.set("UpdateConfig", update(u)));
        spec.rollbackConfig().ifPresent(u -> root.set("RollbackConfig", update(u)));
        ObjectNode endpoint = root.putObject("EndpointSpec");
        spec.endpointMode().ifPresent(m -> endpoint.put("Mode", m.wireName()));
        if (!spec.ports().isEmpty()) {
            ArrayNode ports = endpoint.putArray("Ports");
            for (ServicePort p : spec.ports()) {
                ObjectNode o = ports.addObject().put("Protocol", p.protocol().wireName()).put("TargetPort", p.target());
                p.published().ifPresent(n -> o.put("PublishedPort", n));
                o.put("PublishMode", p.mode().wireName());
            }
        }
        return root;
    }

    private static ObjectNode container(ServiceSpec spec, Ids ids) {
        ObjectNode c = Json.object().put("Image", spec.image());
        if (!spec.containerLabels().isEmpty()) {
            c.set("Labels", Json.stringMap(spec.containerLabels()));
        }
        spec.entrypoint().ifPresent(e -> c.set("Command", Json.strings(e)));
        spec.command().ifPresent(a -> c.set("Args", Json.strings(a)));
        spec.hostname().ifPresent(h -> c.put("Hostname", h));
        if (!spec.env().isEmpty()) {
            ArrayNode env = c.putArray("Env");
            new TreeMap<>(spec.env()).forEach((k, v) -> env.add(k + "=" + v));
        }
        spec.workdir().ifPresent(d -> c.put("Dir", d));
        spec.user().ifPresent(u -> c.put("User", u));
        spec.init().ifPresent(i -> c.put("Init", i));
        spec.stopSignal().ifPresent(s -> c.put("StopSignal", s));
        if (spec.tty()) {
            c.put("TTY", true);
        }
        if (spec.openStdin()) {
            c.put("OpenStdin", true);
        }
        if (spec.readOnly()) {
            c.put("ReadOnly", true);
        }
        if (!spec.mounts().isEmpty()) {
            ArrayNode mounts = c.putArray("Mounts");
            spec.mounts().forEach(m -> mounts.add(mount(m)));
        }
        spec.stopGracePeriod().ifPresent(d -> c.put("StopGracePeriod", d.toNanos()));
        spec.healthCheck().ifPresent(h -> c.set("Healthcheck", health(h)));
        if (!spec.hosts().isEmpty()) {
            ArrayNode hosts = c.putArray("Hosts");
            new TreeMap<>(spec.hosts()).forEach((host, ip) -> hosts.add(ip + " " + host));
        }
        if (!spec.dns().isEmpty() || !spec.dnsSearch().isEmpty()) {
            ObjectNode d = c.putObject("DNSConfig");
            if (!spec.dns().isEmpty()) {
                d.set("Nameservers", Json.strings(spec.dns()));
            }
            if (!spec.dnsSearch().isEmpty()) {
                d.set("Search", Json.strings(spec.dnsSearch()));
            }
        }
        if (!spec.secrets().isEmpty()) {
            ArrayNode a = c.putArray("Secrets");
            for (SecretRef s : spec.secrets()) {
                ObjectNode o = a.addObject();
                file(o.putObject("File"), s.target(), s.uid(), s.gid(), s.mode());
                o.put("SecretID", ids.secretId().apply(s.secret())).put("SecretName", s.secret());
            }
        }
        if (!spec.configs().isEmpty()) {
            ArrayNode a = c.putArray("Configs");
            for (ConfigRef s : spec.configs()) {
                ObjectNode o = a.addObject();
                file(o.putObject("File"), s.target(), s.uid(), s.gid(), s.mode());
                o.put("ConfigID", ids.configId().apply(s.config())).put("ConfigName", s.config());
            }
        }
        if (!spec.capAdd().isEmpty()) {
            c.set("CapabilityAdd", Json.strings(spec.capAdd()));
        }
        if (!spec.capDrop().isEmpty()) {
            c.set("CapabilityDrop", Json.strings(spec.capDrop()));
        }
        if (!spec.sysctls().isEmpty()) {
            c.set("Sysctls", Json.stringMap(spec.sysctls()));
        }
        if (!spec.ulimits().isEmpty()) {
            ArrayNode a = c.putArray("Ulimits");
            for (Ulimit u : spec.ulimits()) {
                a.addObject().put("Name", u.name()).put("Soft", u.soft()).put("Hard", u.hard());
            }
        }
        return c;
    }

    private static void file(ObjectNode f, String name, String uid, String gid, int mode) {
        f.put("Name", name).put("UID", uid).put("GID", gid).put("Mode", mode);
    }

    static ObjectNode mount(ServiceMount m) {
        ObjectNode o = Json.object();
        if (m instanceof ServiceMount.Volume v) {
            o.put("Type", "volume");
            v.source().ifPresent(s -> o.put("Source", s));
            o.put("Target", v.target());
            if (v.readOnly()) {
                o.put("ReadOnly", true);
            }
            if (v.noCopy() || !v.labels().isEmpty() || v.driver().isPresent()) {
                ObjectNode opts = o.putObject("VolumeOptions");
                if (v.noCopy()) {
                    opts.put("NoCopy", true);
                }
                if (!v.labels().isEmpty()) {
                    opts.set("Labels", Json.stringMap(v.labels()));
                }
                v.driver().ifPresent(d -> opts.set("DriverConfig", logDriver(new LogDriver(d, v.driverOpts()))));
            }
        } else if (m instanceof ServiceMount.Bind b) {
            o.put("Type", "bind").put("Source", b.source().toString()).put("Target", b.target());
            if (b.readOnly()) {
                o.put("ReadOnly", true);
            }
            b.propagation().ifPresent(p -> o.putObject("BindOptions").put("Propagation", p));
        } else if (m instanceof ServiceMount.Tmpfs t) {
            o.put("Type", "tmpfs").put("Target", t.target());
            if (t.sizeBytes() > 0 || t.mode().isPresent()) {
                ObjectNode opts = o.putObject("TmpfsOptions");
                if (t.sizeBytes() > 0) {
                    opts.put("SizeBytes", t.sizeBytes());
                }
                t.mode().ifPresent(x -> opts.put("Mode", x));
            }
        }
        return o;
    }

    private static ObjectNode resources(Resources r, boolean limits) {
        ObjectNode o = Json.object();
        r.cpus().ifPresent(c -> o.put("NanoCPUs", Math.round(c * 1e9)));
        r.memoryBytes().ifPresent(m -> o.put("MemoryBytes", m));
        if (limits) {
            r.pids().ifPresent(p -> o.put("Pids", p));
        }
        return o;
    }

    private static ObjectNode restart(RestartPolicy p) {
        ObjectNode o = Json.object().put("Condition", p.condition().wireName());
        p.delay().ifPresent(d -> o.put("Delay", d.toNanos()));
        p.maxAttempts().ifPresent(n -> o.put("MaxAttempts", n));
        p.window().ifPresent(d -> o.put("Window", d.toNanos()));
        return o;
    }

    private static ObjectNode update(UpdatePolicy u) {
        ObjectNode o = Json.object().put("Parallelism", u.parallelism());
        if (!u.delay().isZero()) {
            o.put("Delay", u.delay().toNanos());
        }
        o.put("FailureAction", u.failureAction().wireName());
        if (!u.monitor().equals(UpdatePolicy.defaults().monitor())) {
            // The engine's default; left out as the docker CLI leaves it out, so specs compare equal.
            o.put("Monitor", u.monitor().toNanos());
        }
        o.put("MaxFailureRatio", u.maxFailureRatio());
        o.put("Order", u.order().wireName());
        return o;
    }

    private static ObjectNode health(HealthCheck h) {
        ObjectNode o = Json.object();
        o.set("Test", Json.strings(h.test()));
        h.interval().ifPresent(d -> o.put("Interval", d.toNanos()));
        h.timeout().ifPresent(d -> o.put("Timeout", d.toNanos()));
        h.retries().ifPresent(r -> o.put("Retries", r));
        h.startPeriod().ifPresent(d -> o.put("StartPeriod", d.toNanos()));
        return o;
    }

    private static ObjectNode logDriver(LogDriver d) {
        ObjectNode o = Json.object().put("Name", d.name());
        if (!d.options().isEmpty()) {
            o.set("Options", Json.stringMap(d.options()));
        }
        return o;
    }

    static ObjectNode mode(ServiceMode mode) {
        ObjectNode o = Json.object();
        if (mode instanceof ServiceMode.Replicated r) {
            o.putObject("Replicated").put("Replicas", r.replicas());
        } else if (mode instanceof ServiceMode.Global) {
            o.putObject("Global");
        } else if (mode instanceof ServiceMode.ReplicatedJob j) {
            o.putObject("ReplicatedJob").put("MaxConcurrent", j.maxConcurrent()).put("TotalCompletions",
                    j.totalCompletions());
        } else {
            o.putObject("GlobalJob");
        }
        return o;
    }

    /** Parses a duration in nanoseconds, as Go marshals {@code time.Duration}. */
    static Optional<Duration> nanos(JsonNode n, String field) {
        return JsonValues.nanos(n, field);
    }

    /** Labels of a JSON object, empty when absent. */
    static Map<String, String> labels(JsonNode n) {
        return JsonValues.map(n, "Labels");
    }
}
