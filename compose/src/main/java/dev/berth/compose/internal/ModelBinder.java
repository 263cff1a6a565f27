package dev.berth.compose.internal;

import dev.berth.compose.model.Build;
import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.Deploy;
import dev.berth.compose.model.FileMount;
import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Healthcheck;
import dev.berth.compose.model.Logging;
import dev.berth.compose.model.Mount;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Port;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.Ulimit;
import dev.berth.compose.model.Volume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Binds a loaded tree to the typed, immutable model, reading values from their Go-shaped rendering. */
public final class ModelBinder {
    private ModelBinder() {
    }

    /** Builds the {@link Project} for a load result. */
    public static Project bind(LoadResult r) {
        Map<String, Object> tree = r.tree();
        Map<String, Object> rendered = r.interpolated() ? Types.asMap(r.rendered().get("services")) : null;
        Map<String, Service> services = services(Types.asMap(tree.get("services")), rendered);
        Map<String, Service> disabled = services(r.disabled(), null);
        Map<String, Network> networks = new TreeMap<>();
        each(tree, "networks", (k, v) -> networks.put(k, network(k, v)));
        Map<String, Volume> volumes = new TreeMap<>();
        each(tree, "volumes", (k, v) -> volumes.put(k, volume(k, v)));
        Map<String, FileObject> secrets = new TreeMap<>();
        each(tree, "secrets", (k, v) -> secrets.put(k, fileObject(k, v)));
        Map<String, FileObject> configs = new TreeMap<>();
        each(tree, "configs", (k, v) -> configs.put(k, fileObject(k, v)));
        Map<String, Object> ext = new TreeMap<>();
        tree.forEach((k, v) -> {
            if (k.startsWith("x-")) {
                ext.put(k, freeze(v));
            }
        });
        return ProjectAccess.factory().create(r, Collections.unmodifiableMap(services), Collections.unmodifiableMap(disabled),
                Collections.unmodifiableMap(networks), Collections.unmodifiableMap(volumes),
                Collections.unmodifiableMap(secrets), Collections.unmodifiableMap(configs), Collections.unmodifiableMap(ext));
    }

    private interface Each {
        void accept(String key, Map<String, Object> value);
    }

    private static void each(Map<String, Object> tree, String key, Each fn) {
        Map<String, Object> m = Types.asMap(tree.get(key));
        if (m != null) {
            m.forEach((k, v) -> fn.accept(k, Types.asMap(v) == null ? Map.of() : Types.asMap(v)));
        }
    }

    private static Map<String, Service> services(Map<String, Object> services, Map<String, Object> rendered) {
        Map<String, Service> out = new TreeMap<>();
        if (services != null) {
            services.forEach((name, v) -> {
                Map<String, Object> raw = Types.asMap(v);
                if (raw != null) {
                    out.put(name, service(name, raw, rendered == null ? null : Types.asMap(rendered.get(name))));
                }
            });
        }
        return out;
    }

    private static Service service(String name, Map<String, Object> raw, Map<String, Object> rendered) {
        Map<String, Object> g = rendered;
        if (g == null) {
            try {
                g = GoRenderer.renderStruct(raw, "Service", "services." + name);
            } catch (RuntimeException e) {
                g = Map.of();
            }
        }
        Map<String, Object> ext = new TreeMap<>();
        raw.forEach((k, v) -> {
            if (k.startsWith("x-")) {
                ext.put(k, freeze(v));
            }
        });
        return new Service(name, str(g, "image"), build(map(g, "build")), strListOrNull(g.get("command")),
                strListOrNull(g.get("entrypoint")), nullableStrMap(g.get("environment")), ports(g.get("ports")),
                strList(g.get("expose")), mounts(g.get("volumes")), strList(g.get("tmpfs")), networks(g.get("networks")),
                str(g, "network_mode"), dependsOn(g.get("depends_on")), healthcheck(map(g, "healthcheck")),
                str(g, "restart"), deploy(map(g, "deploy")), strMap(g.get("labels")), str(g, "container_name"),
                str(g, "hostname"), str(g, "domainname"), str(g, "user"), str(g, "working_dir"), str(g, "stop_signal"),
                duration(g.get("stop_grace_period")), fileMounts(g.get("secrets")), fileMounts(g.get("configs")),
                strList(g.get("cap_add")), strList(g.get("cap_drop")), bool(g, "privileged"), strList(g.get("extra_hosts")),
                strList(g.get("dns")), strList(g.get("dns_search")), logging(map(g, "logging")), ulimits(g.get("ulimits")),
                strMap(g.get("sysctls")), strList(g.get("profiles")), integer(g.get("scale")), str(g, "pull_policy"),
                str(g, "platform"), g.get("init") instanceof Boolean b ? b : null, bool(g, "tty"), bool(g, "stdin_open"),
                bool(g, "read_only"), str(g, "ipc"), str(g, "pid"), strList(g.get("links")), strList(g.get("volumes_from")),
                strList(g.get("security_opt")), str(g, "shm_size"), Collections.unmodifiableMap(ext),
                (Map<String, Object>) freeze(raw));
    }

    private static Build build(Map<String, Object> b) {
        if (b == null) {
            return null;
        }
        return new Build(str(b, "context"), str(b, "dockerfile"), str(b, "dockerfile_inline"), nullableStrMap(b.get("args")),
                str(b, "target"), strList(b.get("cache_from")), strList(b.get("cache_to")), strList(b.get("tags")),
                strList(b.get("platforms")), strMap(b.get("labels")), str(b, "network"), bool(b, "no_cache"), bool(b, "pull"),
                (Map<String, Object>) freeze(b));
    }

    private static List<Port> ports(Object o) {
        List<Port> out = new ArrayList<>();
        for (Object x : list(o)) {
            Map<String, Object> m = Types.asMap(x);
            out.add(new Port(str(m, "name"), str(m, "mode"), str(m, "host_ip"), integer(m.get("target")) == null ? 0 : integer(m.get("target")),
                    str(m, "published"), str(m, "protocol"), str(m, "app_protocol")));
        }
        return List.copyOf(out);
    }

    private static List<Mount> mounts(Object o) {
        List<Mount> out = new ArrayList<>();
        for (Object x : list(o)) {
            Map<String, Object> m = Types.asMap(x);
            Map<String, Object> bind = map(m, "bind");
            Map<String, Object> vol = map(m, "volume");
            Map<String, Object> tmpfs = map(m, "tmpfs");
            out.add(new Mount(str(m, "type"), str(m, "source"), str(m, "target"), bool(m, "read_only"), str(m, "consistency"),
                    bind == null ? null : str(bind, "propagation"), bind == null ? null : str(bind, "selinux"),
                    bind != null && bool(bind, "create_host_path"), vol != null && bool(vol, "nocopy"),
                    vol == null ? null : str(vol, "subpath"),
                    tmpfs == null || tmpfs.get("size") == null ? null : Long.parseLong(Go.sprint(tmpfs.get("size"))),
                    tmpfs == null ? null : integer(tmpfs.get("mode"))));
        }
        return List.copyOf(out);
    }

    private static Map<String, ServiceNetwork> networks(Object o) {
        Map<String, ServiceNetwork> out = new TreeMap<>();
        Map<String, Object> m = Types.asMap(o);
        if (m != null) {
            m.forEach((k, v) -> {
                Map<String, Object> n = Types.asMap(v);
                out.put(k, n == null ? new ServiceNetwork(List.of(), null, null, List.of(), null, null, Map.of())
                        : new ServiceNetwork(strList(n.get("aliases")), str(n, "ipv4_address"), str(n, "ipv6_address"),
                        strList(n.get("link_local_ips")), str(n, "mac_address"), integer(n.get("priority")), strMap(n.get("driver_opts"))));
            });
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Dependency> dependsOn(Object o) {
        Map<String, Dependency> out = new TreeMap<>();
        Map<String, Object> m = Types.asMap(o);
        if (m != null) {
            m.forEach((k, v) -> {
                Map<String, Object> d = Types.asMap(v);
                out.put(k, new Dependency(d == null ? "service_started" : str(d, "condition"), d != null && bool(d, "restart"),
                        d == null || !Boolean.FALSE.equals(d.get("required"))));
            });
        }
        return Collections.unmodifiableMap(out);
    }

    private static Healthcheck healthcheck(Map<String, Object> h) {
        if (h == null) {
            return null;
        }
        return new Healthcheck(strList(h.get("test")), duration(h.get("interval")), duration(h.get("timeout")),
                integer(h.get("retries")), duration(h.get("start_period")), duration(h.get("start_interval")), bool(h, "disable"));
    }

    private static Deploy deploy(Map<String, Object> d) {
        if (d == null) {
            return null;
        }
        Map<String, Object> res = map(d, "resources");
        Map<String, Object> rp = map(d, "restart_policy");
        Map<String, Object> placement = map(d, "placement");
        return new Deploy(str(d, "mode"), integer(d.get("replicas")), strMap(d.get("labels")),
                resource(res == null ? null : map(res, "limits")), resource(res == null ? null : map(res, "reservations")),
                rp == null ? null : new Deploy.RestartPolicy(str(rp, "condition"), duration(rp.get("delay")),
                        integer(rp.get("max_attempts")), duration(rp.get("window"))),
                update(map(d, "update_config")), update(map(d, "rollback_config")),
                placement == null ? List.of() : strList(placement.get("constraints")),
                placement == null ? null : integer(placement.get("max_replicas_per_node")), str(d, "endpoint_mode"),
                (Map<String, Object>) freeze(d));
    }

    private static Deploy.Resource resource(Map<String, Object> r) {
        if (r == null) {
            return null;
        }
        return new Deploy.Resource(r.get("cpus") instanceof Number n ? n.floatValue() : null,
                r.get("memory") == null ? null : Long.parseLong(Go.sprint(r.get("memory"))),
                r.get("pids") == null ? null : GoValues.toLong(r.get("pids")));
    }

    private static Deploy.UpdateConfig update(Map<String, Object> u) {
        if (u == null) {
            return null;
        }
        return new Deploy.UpdateConfig(integer(u.get("parallelism")), duration(u.get("delay")), str(u, "failure_action"),
                duration(u.get("monitor")), u.get("max_failure_ratio") instanceof Number n ? n.floatValue() : null, str(u, "order"));
    }

    private static List<FileMount> fileMounts(Object o) {
        List<FileMount> out = new ArrayList<>();
        for (Object x : list(o)) {
            Map<String, Object> m = Types.asMap(x);
            out.add(new FileMount(str(m, "source"), str(m, "target"), str(m, "uid"), str(m, "gid"), integer(m.get("mode"))));
        }
        return List.copyOf(out);
    }

    private static Logging logging(Map<String, Object> l) {
        return l == null ? null : new Logging(str(l, "driver"), strMap(l.get("options")));
    }

    private static Map<String, Ulimit> ulimits(Object o) {
        Map<String, Ulimit> out = new TreeMap<>();
        Map<String, Object> m = Types.asMap(o);
        if (m != null) {
            m.forEach((k, v) -> {
                if (v instanceof Map<?, ?> sh) {
                    long soft = sh.get("soft") == null ? 0 : GoValues.toLong(sh.get("soft"));
                    long hard = sh.get("hard") == null ? 0 : GoValues.toLong(sh.get("hard"));
                    out.put(k, new Ulimit(soft, hard));
                } else if (v != null) {
                    long x = GoValues.toLong(v);
                    out.put(k, new Ulimit(x, x));
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }

    private static Network network(String key, Map<String, Object> raw) {
        Map<String, Object> g = GoRenderer.renderStruct(raw, "Network", "networks." + key);
        return new Network(key, str(g, "name"), str(g, "driver"), strMap(g.get("driver_opts")), bool(g, "external"),
                bool(g, "internal"), bool(g, "attachable"), g.get("enable_ipv6") instanceof Boolean b ? b : null,
                strMap(g.get("labels")), (Map<String, Object>) freeze(raw));
    }

    private static Volume volume(String key, Map<String, Object> raw) {
        Map<String, Object> g = GoRenderer.renderStruct(raw, "VolumeDef", "volumes." + key);
        return new Volume(key, str(g, "name"), str(g, "driver"), strMap(g.get("driver_opts")), bool(g, "external"),
                strMap(g.get("labels")), (Map<String, Object>) freeze(raw));
    }

    private static FileObject fileObject(String key, Map<String, Object> raw) {
        Map<String, Object> g = GoRenderer.renderStruct(raw, "FileObject", key);
        return new FileObject(key, str(g, "name"), str(g, "file"), str(g, "environment"), str(g, "content"),
                bool(g, "external"), strMap(g.get("labels")), str(g, "driver"), (Map<String, Object>) freeze(raw));
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m == null ? null : m.get(k);
        return v == null ? null : Go.sprint(v);
    }

    private static boolean bool(Map<String, Object> m, String k) {
        return m != null && Boolean.TRUE.equals(m.get(k));
    }

    private static Integer integer(Object o) {
        return o instanceof Number n ? (Integer) n.intValue() : null;
    }

    private static Map<String, Object> map(Map<String, Object> m, String k) {
        return m == null ? null : Types.asMap(m.get(k));
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static List<String> strList(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : list(o)) {
            out.add(Go.sprint(x));
        }
        return List.copyOf(out);
    }

    private static List<String> strListOrNull(Object o) {
        return o == null ? null : strList(o);
    }

    private static Map<String, String> strMap(Object o) {
        Map<String, String> out = new TreeMap<>();
        Map<String, Object> m = Types.asMap(o);
        if (m != null) {
            m.forEach((k, v) -> out.put(k, v == null ? "" : Go.sprint(v)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, String> nullableStrMap(Object o) {
        Map<String, String> out = new TreeMap<>();
        Map<String, Object> m = Types.asMap(o);
        if (m != null) {
            m.forEach((k, v) -> out.put(k, v == null ? null : Go.sprint(v)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Duration duration(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return Duration.ofNanos(dev.berth.internal.GoDuration.parseNanos(Go.sprint(o)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A deep unmodifiable view of a loaded tree: mappings and lists are wrapped, not copied, as the loader does not
     * change a tree once it has returned it. Equality, hash codes, iteration order and {@code toString} are those of
     * the tree.
     */
    static Object freeze(Object v) {
        if (v instanceof Map<?, ?> m) {
            return new FrozenMap(m);
        }
        if (v instanceof List<?> l) {
            return new FrozenList(l);
        }
        return v;
    }

    private static final class FrozenMap extends java.util.AbstractMap<String, Object> {
        private final Map<?, ?> m;

        FrozenMap(Map<?, ?> m) {
            this.m = m;
        }

        @Override
        public int size() {
            return m.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return m.containsKey(key);
        }

        @Override
        public Object get(Object key) {
            return freeze(m.get(key));
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public int size() {
                    return m.size();
                }

                @Override
                public java.util.Iterator<Entry<String, Object>> iterator() {
                    java.util.Iterator<? extends Entry<?, ?>> it = m.entrySet().iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            Entry<?, ?> e = it.next();
                            return new SimpleImmutableEntry<>(String.valueOf(e.getKey()), freeze(e.getValue()));
                        }
                    };
                }
            };
        }
    }

    private static final class FrozenList extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        private final List<?> l;

        FrozenList(List<?> l) {
            this.l = l;
        }

        @Override
        public int size() {
            return l.size();
        }

        @Override
        public Object get(int index) {
            return freeze(l.get(index));
        }
    }
}
