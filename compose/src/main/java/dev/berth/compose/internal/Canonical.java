package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings short syntaxes into their long form ({@code transform/canonical.go}) and fills compose-go's default values
 * ({@code transform/defaults.go}).
 */
final class Canonical {
    private Canonical() {
    }

    /** compose-go {@code transform.Canonical}; {@code lenient} leaves unparseable short syntax (no interpolation). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> canonical(Map<String, Object> root, boolean lenient, Consumer<String> warnings) {
        Map<String, Object> services = Types.asMap(root.get("services"));
        if (services != null) {
            for (Map.Entry<String, Object> e : services.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> s) {
                    service((Map<String, Object>) s, "services." + e.getKey(), lenient);
                }
            }
        }
        for (String top : new String[]{"volumes", "networks", "secrets", "configs"}) {
            Map<String, Object> res = Types.asMap(root.get(top));
            if (res != null) {
                for (Map.Entry<String, Object> e : res.entrySet()) {
                    e.setValue(maybeExternal(e.getValue(), top + "." + e.getKey(), warnings));
                }
            }
        }
        if (root.get("include") instanceof List<?> inc) {
            List<Object> out = new ArrayList<>();
            for (Object i : inc) {
                if (i instanceof String s) {
                    Map<String, Object> m = Types.map();
                    m.put("path", s);
                    out.add(m);
                } else {
                    out.add(i);
                }
            }
            root.put("include", out);
        }
        return root;
    }

    private static Object maybeExternal(Object data, String path, Consumer<String> warnings) {
        Map<String, Object> resource = Types.asMap(data);
        if (resource == null) {
            return data;
        }
        if (resource.get("external") instanceof Map<?, ?> external) {
            resource.put("external", true);
            if (external.containsKey("name")) {
                Object extname = external.get("name");
                warnings.accept(path + ": external.name is deprecated. Please set name and external: true");
                if (resource.containsKey("name") && !java.util.Objects.equals(extname, resource.get("name"))) {
                    throw new Problem(path, path + ": name and external.name conflict; only use name");
                }
                if (!resource.containsKey("name")) {
                    resource.put("name", extname);
                }
            }
        }
        return resource;
    }

    @SuppressWarnings("unchecked")
    private static void service(Map<String, Object> s, String path, boolean lenient) {
        for (Map.Entry<String, Object> e : s.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            switch (key) {
                case "depends_on" -> e.setValue(dependsOn(v, path + "." + key));
                case "env_file" -> e.setValue(envFile(v));
                case "label_file", "dns" -> e.setValue(v instanceof String str ? new ArrayList<>(List.of(str)) : v);
                case "extends" -> e.setValue(v instanceof String str ? single("service", str) : v);
                case "gpus" -> e.setValue(v instanceof String ? new ArrayList<>(List.of(single("count", "all"))) : v);
                case "networks" -> {
                    if (v instanceof List<?> l) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        for (Object n : l) {
                            m.put(Go.sprint(n), null);
                        }
                        e.setValue(m);
                    }
                }
                case "volumes" -> e.setValue(mapList(v, (x, i) -> x instanceof String str
                        ? volume(str, path, i, lenient) : x));
                case "devices" -> e.setValue(mapList(v, (x, i) -> x instanceof String str
                        ? device(str, path + "." + key + "." + i, lenient) : x));
                case "secrets", "configs" -> e.setValue(mapList(v, (x, i) -> x instanceof String str ? single("source", str) : x));
                case "ports" -> e.setValue(ports(v, path + "." + key, lenient));
                case "build" -> e.setValue(build(v, path + "." + key, lenient));
                case "ulimits" -> {
                }
                default -> {
                }
            }
        }
    }

    private static Object build(Object v, String p, boolean lenient) {
        if (v instanceof String str) {
            return single("context", str);
        }
        Map<String, Object> b = Types.asMap(v);
        if (b == null) {
            return v;
        }
        if (b.get("secrets") instanceof List<?> l) {
            b.put("secrets", mapList(l, (x, i) -> x instanceof String str ? single("source", str) : x));
        }
        if (b.get("additional_contexts") instanceof List<?> l) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Object e : l) {
                String s = Go.sprint(e);
                int eq = s.indexOf('=');
                if (eq < 0) {
                    if (lenient) {
                        return b;
                    }
                    throw new Problem(p + ".additional_contexts", p + ".additional_contexts: invalid value " + s + ", expected key=value");
                }
                m.put(s.substring(0, eq), s.substring(eq + 1));
            }
            b.put("additional_contexts", m);
        }
        if (b.get("ssh") instanceof List<?> l) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Object e : l) {
                if (!(e instanceof String s)) {
                    throw new Problem(p + ".ssh", "invalid ssh key type " + Types.describe(e));
                }
                int eq = s.indexOf('=');
                if (eq < 0) {
                    if (!s.equals("default")) {
                        throw new Problem(p + ".ssh", "invalid ssh key \"" + s + "\"");
                    }
                    m.put(s, null);
                    continue;
                }
                m.put(s.substring(0, eq), s.substring(eq + 1));
            }
            b.put("ssh", m);
        }
        return b;
    }

    private static Map<String, Object> single(String k, Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k, v);
        return m;
    }

    /** Rewrites one list item; {@code index} is its position, for an error path. */
    interface ItemFn {
        Object apply(Object item, int index);
    }

    private static Object mapList(Object v, ItemFn fn) {
        if (!(v instanceof List<?> l)) {
            return v;
        }
        List<Object> out = new ArrayList<>(l.size());
        int i = 0;
        for (Object x : l) {
            out.add(fn.apply(x, i++));
        }
        return out;
    }

    private static Object dependsOn(Object v, String p) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Map<String, Object> d = Types.asMap(e.getValue());
                if (d == null) {
                    throw new Problem(p + "." + e.getKey(), p + "." + e.getKey() + " must be a mapping with condition, required and restart");
                }
                d.putIfAbsent("condition", "service_started");
                d.putIfAbsent("required", true);
            }
            return v;
        }
        if (v instanceof List<?> l) {
            return Merger.toMapping(l, true);
        }
        return v;
    }

    private static Object envFile(Object v) {
        if (v instanceof String s) {
            return new ArrayList<>(List.of(envFileValue(s)));
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(envFileValue(x));
            }
            return out;
        }
        return v;
    }

    private static Object envFileValue(Object x) {
        if (x instanceof String s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", s);
            m.put("required", true);
            return m;
        }
        if (x instanceof Map<?, ?>) {
            Map<String, Object> m = Types.asMap(x);
            m.putIfAbsent("required", true);
            return m;
        }
        return x;
    }

    /** A short volume spec in long form; the service path and index name the item only in an error. */
    private static Object volume(String s, String servicePath, int index, boolean lenient) {
        Map<String, Object> v;
        try {
            v = ShortSyntax.volume(s, "");
        } catch (Problem e) {
            if (lenient) {
                return s;
            }
            ShortSyntax.volume(s, servicePath + ".volumes." + index);
            throw e;
        }
        if (v.get("target") instanceof String t) {
            v.put("target", ShortSyntax.cleanPath(t));
        }
        return v;
    }

    private static Object device(String v, String path, boolean lenient) {
        String[] arr = v.split(":", -1);
        String src = arr[0];
        String dst = "";
        String permissions = "rwm";
        if (arr.length == 3) {
            permissions = arr[2];
            dst = arr[1];
        } else if (arr.length == 2) {
            dst = arr[1];
        } else if (arr.length > 3 && !lenient) {
            throw new Problem(path, "confusing device mapping, please use long syntax: " + v);
        } else if (arr.length > 3) {
            src = "";
        }
        if (dst.isEmpty()) {
            dst = src;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", src);
        m.put("target", dst);
        m.put("permissions", permissions);
        return m;
    }

    /** ShortSyntax.ports, which depends on the path only for its errors: spelled out ({@code services.web.ports.2}) then. */
    private static List<Map<String, Object>> ports(String spec, String listPath, int index) {
        try {
            return ShortSyntax.ports(spec, "");
        } catch (Problem e) {
            ShortSyntax.ports(spec, listPath + "." + index);
            throw e;
        }
    }

    private static Object ports(Object v, String p, boolean lenient) {
        if (!(v instanceof List<?> l)) {
            return v;
        }
        List<Object> out = new ArrayList<>();
        int i = 0;
        for (Object entry : l) {
            int index = i++;
            if (entry instanceof Long n) {
                out.addAll(ports(n.toString(), p, index));
            } else if (entry instanceof String s) {
                try {
                    out.addAll(ports(s, p, index));
                } catch (Problem e) {
                    if (lenient) {
                        return v;
                    }
                    throw e;
                }
            } else if (entry instanceof Map) {
                out.add(entry);
            } else {
                String ep = p + "." + index;
                throw new Problem(ep, ep + ": invalid type " + Types.describe(entry) + " for port; expected a string, a number or a mapping");
            }
        }
        return out;
    }

    /** compose-go {@code transform.SetDefaultValues}. */
    @SuppressWarnings("unchecked")
    static void defaults(Map<String, Object> root) {
        Map<String, Object> services = Types.asMap(root.get("services"));
        if (services == null) {
            return;
        }
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> s = Types.asMap(e.getValue());
            if (s == null) {
                continue;
            }
            String p = "services." + e.getKey();
            if (s.get("build") instanceof Map<?, ?> b) {
                ((Map<String, Object>) b).putIfAbsent("context", ".");
            }
            if (s.get("secrets") instanceof List<?> l) {
                int i = 0;
                for (Object x : l) {
                    Map<String, Object> m = Types.asMap(x);
                    if (m == null) {
                        throw new Problem(p + ".secrets." + i, p + ".secrets." + i + ": unsupported type " + Types.describe(x));
                    }
                    if (!m.containsKey("target")) {
                        m.put("target", "/run/secrets/" + Go.sprint(m.get("source")));
                    }
                    i++;
                }
            }
            if (s.get("ports") instanceof List<?> l) {
                for (Object x : l) {
                    if (x instanceof Map<?, ?> m) {
                        ((Map<String, Object>) m).putIfAbsent("protocol", "tcp");
                        ((Map<String, Object>) m).putIfAbsent("mode", "ingress");
                    }
                }
            }
            if (s.get("gpus") instanceof List<?> l) {
                deviceDefaults(l);
            }
            Map<String, Object> deploy = Types.asMap(s.get("deploy"));
            Map<String, Object> res = deploy == null ? null : Types.asMap(deploy.get("resources"));
            Map<String, Object> reservations = res == null ? null : Types.asMap(res.get("reservations"));
            if (reservations != null && reservations.get("devices") instanceof List<?> l) {
                deviceDefaults(l);
            }
        }
    }

    private static void deviceDefaults(List<?> l) {
        for (Object x : l) {
            Map<String, Object> m = Types.asMap(x);
            if (m != null && !m.containsKey("count") && !m.containsKey("device_ids")) {
                m.put("count", "all");
            }
        }
    }

    /** compose-go {@code OmitEmpty}: drops empty entries of {@code services.*.dns}. */
    static void omitEmpty(Map<String, Object> root) {
        Map<String, Object> services = Types.asMap(root.get("services"));
        if (services == null) {
            return;
        }
        for (Object s : services.values()) {
            Map<String, Object> m = Types.asMap(s);
            if (m != null && m.get("dns") instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                for (Object x : l) {
                    if (x != null && !"".equals(x)) {
                        out.add(x);
                    }
                }
                m.put("dns", out);
            }
        }
    }
}
