package dev.berth.compose.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a Compose tree against the embedded compose-spec JSON Schema (the copy compose-go v2.4.8 embeds). Supports
 * the keywords that schema uses: type, $ref, properties, patternProperties, additionalProperties, items, oneOf,
 * required, enum, uniqueItems, minimum, maximum.
 */
final class SchemaValidator {
    /** One violation: the dotted path of the offending key and a message naming it and what was expected. */
    record Violation(String path, String message, int depth) {
    }

    private static final Map<String, Object> SCHEMA = load();
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream("compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose-spec.json is missing from the berth-compose jar");
            }
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read compose-spec.json from the berth-compose jar", e);
        }
    }

    /** Returns the most specific violation, or null when the tree is valid. */
    static Violation validate(Map<String, Object> root) {
        List<Violation> out = new ArrayList<>();
        check(root, SCHEMA, "", 0, out);
        if (out.isEmpty()) {
            return null;
        }
        Violation best = out.get(0);
        for (Violation v : out) {
            if (v.depth() > best.depth()) {
                best = v;
            }
        }
        return best;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String r && r.startsWith("#/definitions/")) {
            Map<String, Object> defs = (Map<String, Object>) SCHEMA.get("definitions");
            return resolve((Map<String, Object>) defs.get(r.substring("#/definitions/".length())));
        }
        return schema;
    }

    private static String shown(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    @SuppressWarnings("unchecked")
    private static void check(Object value, Map<String, Object> schemaIn, String path, int depth, List<Violation> out) {
        Map<String, Object> schema = resolve(schemaIn);
        Object type = schema.get("type");
        if (type != null && !typeMatches(value, type)) {
            out.add(new Violation(path, shown(path) + " must be " + typeName(type), depth));
            return;
        }
        Object oneOf = schema.get("oneOf");
        if (oneOf instanceof List<?> branches) {
            oneOf((List<Object>) branches, value, path, depth, out);
        }
        Object en = schema.get("enum");
        if (en instanceof List<?> values && !containsValue(values, value)) {
            List<String> shownValues = new ArrayList<>();
            for (Object v : values) {
                shownValues.add(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
            }
            out.add(new Violation(path, shown(path) + " must be one of the following: " + String.join(", ", shownValues), depth));
        }
        if (value instanceof Number n) {
            if (schema.get("minimum") instanceof Number min && n.doubleValue() < min.doubleValue()) {
                out.add(new Violation(path, shown(path) + " must be greater than or equal to " + Go.sprint(min), depth));
            }
            if (schema.get("maximum") instanceof Number max && n.doubleValue() > max.doubleValue()) {
                out.add(new Violation(path, shown(path) + " must be less than or equal to " + Go.sprint(max), depth));
            }
        }
        if (value instanceof Map<?, ?> m) {
            object((Map<String, Object>) m, schema, path, depth, out);
        }
        if (value instanceof List<?> l) {
            if (schema.get("items") instanceof Map<?, ?> items) {
                int i = 0;
                for (Object item : l) {
                    check(item, (Map<String, Object>) items, Paths.child(path, Integer.toString(i++)), depth + 1, out);
                }
            }
            if (Boolean.TRUE.equals(schema.get("uniqueItems"))) {
                Set<Object> seen = new HashSet<>();
                int i = 0;
                for (Object item : l) {
                    if (!seen.add(normalizeNumber(item))) {
                        out.add(new Violation(Paths.child(path, Integer.toString(i)), shown(path)
                                + " array items must be unique: " + Go.sprint(item) + " appears more than once", depth + 1));
                        break;
                    }
                    i++;
                }
            }
        }
    }

    private static Object normalizeNumber(Object o) {
        return o instanceof Long l ? (Object) l.doubleValue() : o;
    }

    @SuppressWarnings("unchecked")
    private static void object(Map<String, Object> m, Map<String, Object> schema, String path, int depth, List<Violation> out) {
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        Map<String, Object> patternProps = (Map<String, Object>) schema.get("patternProperties");
        Object additional = schema.get("additionalProperties");
        if (schema.get("required") instanceof List<?> req) {
            for (Object r : req) {
                if (!m.containsKey((String) r)) {
                    out.add(new Violation(path, shown(path) + " " + r + " is required", depth));
                }
            }
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey();
            String child = Paths.child(path, key);
            boolean matched = false;
            if (props != null && props.get(key) instanceof Map<?, ?> ps) {
                check(e.getValue(), (Map<String, Object>) ps, child, depth + 1, out);
                matched = true;
            }
            if (patternProps != null) {
                for (Map.Entry<String, Object> pp : patternProps.entrySet()) {
                    Pattern pat = PATTERNS.computeIfAbsent(pp.getKey(), Pattern::compile);
                    if (pat.matcher(key).find()) {
                        check(e.getValue(), (Map<String, Object>) pp.getValue(), child, depth + 1, out);
                        matched = true;
                    }
                }
            }
            if (!matched) {
                if (Boolean.FALSE.equals(additional)) {
                    out.add(new Violation(child, shown(path) + " additional property " + key + " is not allowed", depth + 1));
                } else if (additional instanceof Map<?, ?> as) {
                    check(e.getValue(), (Map<String, Object>) as, child, depth + 1, out);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void oneOf(List<Object> branches, Object value, String path, int depth, List<Violation> out) {
        int valid = 0;
        List<Violation> bestErrors = null;
        List<String> typeNames = new ArrayList<>();
        boolean typeMatchedSomewhere = false;
        for (Object b : branches) {
            Map<String, Object> branch = resolve((Map<String, Object>) b);
            List<Violation> errs = new ArrayList<>();
            check(value, branch, path, depth, errs);
            if (errs.isEmpty()) {
                valid++;
                continue;
            }
            Object t = branch.get("type");
            if (t != null) {
                typeNames.add(typeName(t));
            }
            boolean typeOk = t == null || typeMatches(value, t);
            if (typeOk && !typeMatchedSomewhere) {
                typeMatchedSomewhere = true;
                bestErrors = errs;
            } else if (typeOk && maxDepth(errs) > maxDepth(bestErrors)) {
                bestErrors = errs;
            }
        }
        if (valid == 1) {
            return;
        }
        if (valid > 1) {
            out.add(new Violation(path, shown(path) + " must match exactly one schema in oneOf", depth));
            return;
        }
        if (typeMatchedSomewhere && bestErrors != null) {
            out.addAll(bestErrors);
            return;
        }
        out.add(new Violation(path, shown(path) + " must be " + String.join(" or ", new java.util.LinkedHashSet<>(typeNames)), depth));
    }

    private static int maxDepth(List<Violation> l) {
        int d = -1;
        if (l != null) {
            for (Violation v : l) {
                d = Math.max(d, v.depth());
            }
        }
        return d;
    }

    private static boolean containsValue(List<?> values, Object value) {
        for (Object v : values) {
            if (v == null ? value == null : v.equals(value)
                    || (v instanceof Number a && value instanceof Number b && a.doubleValue() == b.doubleValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeMatches(Object value, Object type) {
        if (type instanceof List<?> types) {
            for (Object t : types) {
                if (typeMatches(value, t)) {
                    return true;
                }
            }
            return false;
        }
        switch ((String) type) {
            case "object":
                return value instanceof Map;
            case "array":
                return value instanceof List;
            case "string":
                return value instanceof String;
            case "boolean":
                return value instanceof Boolean;
            case "integer":
                return value instanceof Long || (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d));
            case "number":
                return value instanceof Long || value instanceof Double;
            case "null":
                return value == null;
            default:
                return true;
        }
    }

    private static String typeName(Object type) {
        if (type instanceof List<?> types) {
            List<String> names = new ArrayList<>();
            for (Object t : types) {
                names.add(typeName(t));
            }
            if (names.size() == 1) {
                return names.get(0);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        }
        switch ((String) type) {
            case "object":
                return "a mapping";
            case "array":
                return "a list";
            case "integer":
                return "an integer";
            case "null":
                return "null";
            default:
                return "a " + type;
        }
    }
}
