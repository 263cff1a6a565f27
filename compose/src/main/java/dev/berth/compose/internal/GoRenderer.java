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
            svc.forEach((k, v) -> services.put(k, r.struct(Types.asMap(v), "Service", new At(null, "services." + k))));
        }
        out.put("services", services);
        r.resources(tree, out, "networks", "Network");
        r.resources(tree, out, "volumes", "VolumeDef");
        r.resources(tree, out, "secrets", "FileObject");
        r.resources(tree, out, "configs", "FileObject");
        tree.forEach((k, v) -> {
            if (k.startsWith("x-")) {
                out.put(k, goMapOrder(v));
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
        return new GoRenderer(false).struct(v, shape, new At(null, path));
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
            m.put(k, struct(def == null ? Map.of() : def, shape, new At(null, key + "." + k)));
        });
        out.put(key, m);
    }

    /**
     * A dotted path ({@code services.web.ports.0}) kept as parent and segment; spelled out only for an error message.
     */
    private static final class At {
        private final At parent;
        private final String segment;

        At(At parent, String segment) {
            this.parent = parent;
            this.segment = segment;
        }

        @Override
        public String toString() {
            return parent == null ? segment : parent + "." + segment;
        }
    }

    /** A Go struct's fields in order, with the position of each by yaml key and what an absent field renders to. */
    private static final class Shape {
        private static final int ABSENT_OMIT = 0;
        private static final int ABSENT_NULL_IN_JSON = 1;
        private static final int ABSENT_ZERO = 2;
        private static final int ABSENT_STRUCT = 3;

        final GoShapes.Field[] fields;
        final Map<String, Integer> index = new java.util.HashMap<>();
        final int[] absent;

        Shape(Map<String, GoShapes.Field> shape) {
            fields = shape.values().toArray(new GoShapes.Field[0]);
            absent = new int[fields.length];
            for (int i = 0; i < fields.length; i++) {
                GoShapes.Field f = fields[i];
                index.put(f.yaml().intern(), i);
                // what field() returns for a null value: GoValues.convert(kind, null) is null for every kind
                absent[i] = switch (f.kind()) {
                    case "cmd" -> ABSENT_NULL_IN_JSON;
                    case "boolp", "intp", "durp", "P", "L", "M" -> ABSENT_OMIT;
                    case "S" -> ABSENT_STRUCT;
                    default -> f.always() ? ABSENT_ZERO : ABSENT_OMIT;
                };
            }
        }
    }

    private static final Map<String, Shape> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<String, Object> struct(Map<String, Object> v, String shapeName, At path) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (v == null) {
            v = Map.of();
        }
        Shape shape = SHAPES.computeIfAbsent(shapeName, n -> new Shape(GoShapes.shape(n)));
        GoShapes.Field[] fields = shape.fields;
        Object[] raws = new Object[fields.length];
        for (Map.Entry<String, Object> e : v.entrySet()) {
            Integer i = shape.index.get(e.getKey());
            if (i != null) {
                raws[i] = e.getValue();
            }
        }
        for (int i = 0; i < fields.length; i++) {
            GoShapes.Field f = fields[i];
            Object raw = raws[i];
            Object rendered;
            if (raw != null) {
                rendered = field(f, raw, new At(path, f.yaml()));
            } else {
                switch (shape.absent[i]) {
                    case Shape.ABSENT_NULL_IN_JSON -> rendered = yaml ? OMIT : null;
                    case Shape.ABSENT_ZERO -> rendered = GoValues.zero(f.kind());
                    case Shape.ABSENT_STRUCT -> rendered = field(f, null, new At(path, f.yaml()));
                    default -> rendered = OMIT;
                }
            }
            if (rendered != OMIT) {
                out.put(yaml ? f.yaml() : f.json(), rendered);
            }
        }
        if (yaml) {
            new TreeMap<>(v).forEach((k, x) -> {
                if (k.startsWith("x-")) {
                    out.put(k, goMapOrder(x));
                }
            });
        }
        return out;
    }

    static final Object OMIT = new Object();

    /**
     * A copy of a value held as a Go {@code map[string]any} (an extension, or the whole tree when not interpolated),
     * with keys sorted at every depth as both Go encoders (JSON and go-yaml) write them; lists keep their order.
     */
    static Object goMapOrder(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), goMapOrder(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>(l.size());
            l.forEach(x -> out.add(goMapOrder(x)));
            return out;
        }
        return v;
    }

    private Object field(GoShapes.Field f, Object raw, At path) {
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
                    out.add(struct(Types.asMap(x), f.struct(), new At(path, Paths.index(i++))));
                }
                return out;
            }
            case "M": {
                Map<String, Object> m = Types.asMap(raw);
                if (m == null || m.isEmpty()) {
                    return OMIT;
                }
                Map<String, Object> out = new TreeMap<>();
                m.forEach((k, x) -> out.put(k, x == null ? null : struct(Types.asMap(x), f.struct(), new At(path, k))));
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
