package dev.berth.swarm.internal;

import dev.berth.BerthException;
import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.swarm.UnsupportedOptionsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A compose {@link Project} → a {@link StackPlan}, as {@code docker stack deploy} converts a compose file
 * ({@code docker/cli cli/compose/convert} and {@code cli/command/stack}): objects named {@code <stack>_<key>} and
 * labelled {@code com.docker.stack.namespace}, the default network an overlay, the CLI's unsupported options warned
 * about, its forbidden ones refused. The stack name is the project name; load the project with another
 * {@code projectName} to deploy it under another name.
 */
public final class StackTranslator {
    /** The label that ties objects to their stack. */
    public static final String NAMESPACE = "com.docker.stack.namespace";
    /** The label recording the image the compose file asked for. */
    public static final String IMAGE = "com.docker.stack.image";

    /** Ignored with a warning by the CLI ({@code UnsupportedProperties}). */
    static final List<String> UNSUPPORTED = List.of("build", "cgroupns_mode", "cgroup_parent", "devices", "domainname",
            "external_links", "ipc", "links", "mac_address", "network_mode", "pid", "privileged", "restart",
            "security_opt", "shm_size", "userns_mode");
    /** Ignored with an explanation by the CLI ({@code DeprecatedProperties}). */
    static final Map<String, String> DEPRECATED = Map.of(
            "container_name", "Setting the container name is not supported.",
            "expose", "Exposing ports is unnecessary - services on the same network can access each other's"
                    + " containers on any port.");
    /** Refused by the CLI ({@code ForbiddenProperties}). */
    static final Map<String, String> FORBIDDEN = Map.of(
            "extends", "Support for `extends` is not implemented yet.",
            "volume_driver", "Instead of setting the volume driver on the service, define a volume using the"
                    + " top-level `volumes` option and specify the driver there.",
            "volumes_from", "To share a volume between services, define it using the top-level `volumes` option and"
                    + " reference it from each service that shares it using the service-level `volumes` option.",
            "cpu_quota", "Set resource limits using deploy.resources",
            "cpu_shares", "Set resource limits using deploy.resources",
            "cpuset", "Set resource limits using deploy.resources",
            "mem_limit", "Set resource limits using deploy.resources",
            "memswap_limit", "Set resource limits using deploy.resources");
    /** Keys converted (or, like depends_on and tmpfs, accepted and ignored silently as the CLI does). */
    static final Set<String> CONVERTED = Set.of("image", "command", "entrypoint", "environment", "env_file", "labels",
            "hostname", "extra_hosts", "dns", "dns_search", "healthcheck", "working_dir", "user", "volumes",
            "stop_grace_period", "stop_signal", "tty", "stdin_open", "secrets", "configs", "read_only", "init",
            "sysctls", "cap_add", "cap_drop", "ulimits", "logging", "deploy", "networks", "ports", "depends_on",
            "tmpfs", "profiles", "scale");

    private StackTranslator() {
    }

    /**
     * Translates the project; reads secret and config files.
     *
     * @throws UnsupportedOptionsException if a service uses an option the CLI refuses
     */
    public static StackPlan translate(Project project) {
        String stack = project.name();
        Map<String, String> forbidden = new TreeMap<>();
        Set<String> unsupported = new TreeSet<>();
        Map<String, String> deprecated = new TreeMap<>();
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Service s : project.services().values()) {
            for (String key : s.raw().keySet()) {
                if (key.startsWith("x-")) {
                    continue;
                }
                if (FORBIDDEN.containsKey(key)) {
                    forbidden.put(key, FORBIDDEN.get(key));
                } else if (UNSUPPORTED.contains(key)) {
                    unsupported.add(key);
                } else if (DEPRECATED.containsKey(key)) {
                    deprecated.put(key, DEPRECATED.get(key));
                } else if (!CONVERTED.contains(key)) {
                    unknown.computeIfAbsent(key, k -> new TreeSet<>()).add(s.name());
                }
            }
        }
        if (!forbidden.isEmpty()) {
            throw new UnsupportedOptionsException(stack, forbidden);
        }
        List<String> warnings = new ArrayList<>();
        if (!unsupported.isEmpty()) {
            warnings.add("Ignoring unsupported options: " + String.join(", ", unsupported));
        }
        if (!deprecated.isEmpty()) {
            List<String> lines = new ArrayList<>();
            deprecated.forEach((k, v) -> lines.add(k + ": " + v));
            warnings.add("Ignoring deprecated options:\n\n" + String.join("\n\n", lines));
        }
        unknown.forEach((k, services) -> warnings.add("Ignoring option " + k + " of service(s) " + String.join(", ",
                services) + ": docker stack deploy does not support it"));

        Map<String, StackPlan.NetworkPlan> networks = new TreeMap<>();
        List<String> external = new ArrayList<>();
        for (String key : usedNetworks(project)) {
            Network n = project.networks().get(key);
            if (n != null && n.external()) {
                external.add(n.name());
                continue;
            }
            networks.put(networkName(stack, key, n), network(stack, key, n));
        }
        Map<String, dev.berth.swarm.ServiceSpec> services = new TreeMap<>();
        for (Service s : project.services().values()) {
            services.put(s.name(), StackServices.convert(stack, s, project, warnings));
        }
        return new StackPlan(stack, networks, external, objects(stack, project.secrets(), "secret"),
                objects(stack, project.configs(), "config"), services, warnings);
    }

    /** Networks the services use; a service without networks uses {@code default}, as the CLI decides. */
    static Set<String> usedNetworks(Project project) {
        Set<String> used = new TreeSet<>();
        for (Service s : project.services().values()) {
            if (s.networks().isEmpty()) {
                used.add("default");
            }
            used.addAll(s.networks().keySet());
        }
        return used;
    }

    /** The engine name of a compose network: its {@code name:}, else {@code <stack>_<key>}. */
    static String networkName(String stack, String key, Network n) {
        return n != null && n.name() != null && !n.name().isEmpty() ? n.name() : stack + "_" + key;
    }

    private static StackPlan.NetworkPlan network(String stack, String key, Network n) {
        Map<String, String> labels = new LinkedHashMap<>(n == null ? Map.of() : n.labels());
        labels.put(NAMESPACE, stack);
        String driver = n == null || n.driver() == null || n.driver().isEmpty() ? "overlay" : n.driver();
        String ipamDriver = "";
        List<String> subnets = new ArrayList<>();
        if (n != null && n.raw().get("ipam") instanceof Map<?, ?> ipam) {
            ipamDriver = ipam.get("driver") == null ? "" : ipam.get("driver").toString();
            if (ipam.get("config") instanceof List<?> configs) {
                for (Object c : configs) {
                    if (c instanceof Map<?, ?> m && m.get("subnet") != null) {
                        subnets.add(m.get("subnet").toString());
                    }
                }
            }
        }
        return new StackPlan.NetworkPlan(networkName(stack, key, n), driver,
                n == null ? Map.of() : n.driverOpts(), n != null && n.internal(), n != null && n.attachable(), labels,
                ipamDriver, subnets);
    }

    private static List<StackPlan.ObjectPlan> objects(String stack, Map<String, FileObject> objects, String kind) {
        List<StackPlan.ObjectPlan> out = new ArrayList<>();
        for (FileObject o : new TreeMap<>(objects).values()) {
            String name = o.name() != null && !o.name().isEmpty() ? o.name() : stack + "_" + o.key();
            if (o.external()) {
                out.add(new StackPlan.ObjectPlan(o.key(), name, new byte[0], Map.of(), true));
                continue;
            }
            if (o.driver() != null && !o.driver().isEmpty()) {
                throw new BerthException("Cannot deploy stack '" + stack + "': " + kind + " '" + o.key()
                        + "' uses the driver '" + o.driver() + "', which Berth does not support; create it beforehand"
                        + " and declare it external");
            }
            Map<String, String> labels = new LinkedHashMap<>(o.labels());
            labels.put(NAMESPACE, stack);
            out.add(new StackPlan.ObjectPlan(o.key(), name, data(stack, kind, o), labels, false));
        }
        return out;
    }

    private static byte[] data(String stack, String kind, FileObject o) {
        if (o.file() != null) {
            try {
                return Files.readAllBytes(Path.of(o.file()));
            } catch (IOException e) {
                throw new BerthException("Cannot deploy stack '" + stack + "': cannot read the file of " + kind + " '"
                        + o.key() + "' (" + o.file() + "): " + e.getMessage(), e);
            }
        }
        if (o.content() != null) {
            return o.content().getBytes(StandardCharsets.UTF_8);
        }
        throw new BerthException("Cannot deploy stack '" + stack + "': " + kind + " '" + o.key() + "' has no value"
                + (o.environment() != null ? " (variable " + o.environment() + " is not set)" : "")
                + "; give it a file, content or environment source, or declare it external");
    }
}
