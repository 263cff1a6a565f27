package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a loaded Compose tree the way {@code docker compose config} marshals compose-go's structs: Go field order,
 * {@code omitempty}, typed values (durations, byte sizes, shell-split commands) and sorted map keys. The result is a
 * tree of {@link java.util.LinkedHashMap}, lists, strings, numbers and booleans for {@link Json} or {@link YamlWriter}.
 */
final class GoRenderer {
    private final boolean yaml;

    private GoRenderer(boolean yaml) {
        this.yaml = yaml;
    }

    /** Renders the project; {@code yaml} selects go-yaml's rules (extensions inline, empty structs omitted). */
    static Map<String, Object> project(Map<String, Object> tree, boolean yaml) {
        GoRenderer r = new GoRenderer(yaml);
        Map<String, Object> out = new TreeMap<>();
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        if (tree.get("name") != null) {
            out.put("name", tree.get("name"));
        }
        Map<String, Object> services = new TreeMap<>();
        Map<String, Object> svc = Types.asMap(tree.get("services"));
        if (svc != null) {
            svc.forEach((k, v) -> services.put(k, r.struct(Types.asMap(v), "Service", "services." + k)));
        }
        out.put("services", services);
        r.resources(tree, out, "networks", "Network");
        r.resources(tree, out, "volumes", "VolumeDef");
        r.resources(tree, out, "secrets", "FileObject");
        r.resources(tree, out, "configs", "FileObject");
        tree.forEach((k, v) -> {
            if (k.startsWith("x-")) {
                out.put(k, v);
            }
        });
        if (yaml) {
            for (String k : new String[]{"name", "services", "networks", "volumes", "secrets", "configs"}) {
                if (out.containsKey(k)) {
                    ordered.put(k, out.remove(k));
                }
            }
            ordered.putAll(out);
            return ordered;
        }
        ordered.putAll(out);
        return ordered;
    }

    /** Renders one service or resource definition in JSON mode (Go struct shapes). */
    static Map<String, Object> renderStruct(Map<String, Object> v, String shape, String path) {
        return new GoRenderer(false).struct(v, shape, path);
    }

    private void resources(Map<String, Object> tree, Map<String, Object> out, String key, String shape) {
        Map<String, Object> res = Types.asMap(tree.get(key));
        if (res == null || res.isEmpty()) {
            return;
        }
        Map<String, Object> m = new TreeMap<>();
        res.forEach((k, v) -> {
            Map<String, Object> def = Types.asMap(v);
            if (def != null && key.equals("secrets")) {
                def = new java.util.LinkedHashMap<>(def);
                def.remove("content");
            }
            if (def != null && key.equals("configs") && def.get("environment") != null && !"".equals(def.get("environment"))) {
                def = new java.util.LinkedHashMap<>(def);
                def.remove("content");
            }
            m.put(k, struct(def == null ? Map.of() : def, shape, key + "." + k));
        });
        out.put(key, m);
    }

    private Map<String, Object> struct(Map<String, Object> v, String shape, String path) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (v == null) {
            v = Map.of();
        }
        Map<String, GoShapes.Field> fields = GoShapes.shape(shape);
        for (GoShapes.Field f : fields.values()) {
            Object raw = findField(v, f.yaml());
            boolean present = raw != null || hasField(v, f.yaml());
            Object rendered = field(f, raw, present, path + "." + f.yaml());
            if (rendered != OMIT) {
                out.put(yaml ? f.yaml() : f.json(), rendered);
            }
        }
        if (yaml) {
            new TreeMap<>(v).forEach((k, x) -> {
                if (k.startsWith("x-")) {
                    out.put(k, x);
                }
            });
        }
        return out;
    }

    private static Object findField(Map<String, Object> v, String name) {
        return v.get(name);
    }

    private static boolean hasField(Map<String, Object> v, String name) {
        return v.containsKey(name);
    }

    static final Object OMIT = new Object();

    private Object field(GoShapes.Field f, Object raw, boolean present, String path) {
        Object value = GoValues.convert(f.kind(), raw, path);
        switch (f.kind()) {
            case "cmd":
                if (value == null) {
                    return yaml ? OMIT : null;
                }
                return value;
            case "boolp", "intp", "durp":
                return value == null ? OMIT : value;
            case "S": {
                Map<String, Object> s = struct(Types.asMap(raw), f.struct(), path);
                if (yaml && s.isEmpty()) {
                    return OMIT;
                }
                return s;
            }
            case "P": {
                Map<String, Object> m = Types.asMap(raw);
                if (m == null) {
                    return OMIT;
                }
                return struct(m, f.struct(), path);
            }
            case "L": {
                List<Object> l = Types.asList(raw);
                if (l == null || l.isEmpty()) {
                    return OMIT;
                }
                List<Object> out = new ArrayList<>();
                int i = 0;
                for (Object x : l) {
                    out.add(struct(Types.asMap(x), f.struct(), path + "." + i++));
                }
                return out;
            }
            case "M": {
                Map<String, Object> m = Types.asMap(raw);
                if (m == null || m.isEmpty()) {
                    return OMIT;
                }
                Map<String, Object> out = new TreeMap<>();
                m.forEach((k, x) -> out.put(k, x == null ? null : struct(Types.asMap(x), f.struct(), path + "." + k)));
                return out;
            }
            default:
                if (f.always()) {
                    return value == null ? GoValues.zero(f.kind()) : value;
                }
                return GoValues.isZero(value) ? OMIT : value;
        }
    }
}
