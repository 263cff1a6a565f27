package dev.berth.compose.internal;

import dev.berth.internal.Json;
import java.io.IOException;
import java.io.InputStream;
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
            return (Map<String, Object>) Json.plain(Json.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read compose-spec.json from the berth-compose jar", e);
        }
    }

    /** Every property name the schema declares, for {@link Keys}. */
    static Set<String> propertyNames() {
        Set<String> out = new HashSet<>();
        collectNames(SCHEMA, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collectNames(Object schema, Set<String> out) {
        if (schema instanceof Map<?, ?> m) {
            if (m.get("properties") instanceof Map<?, ?> props) {
                out.addAll((Set<String>) props.keySet());
            }
            for (Object v : m.values()) {
                collectNames(v, out);
            }
        } else if (schema instanceof List<?> l) {
            for (Object v : l) {
                collectNames(v, out);
            }
        }
    }

    /**
     * Returns the most specific violation, or null when the tree is valid. A valid tree is recognised by a compiled,
     * boolean walk of the schema; only an invalid one is walked again to collect and rank the violations.
     */
    static Violation validate(Map<String, Object> root) {
        Violation notJson = nonFinite(root);
        if (notJson != null) {
            return notJson;
        }
        if (valid(root, ROOT)) {
            return null;
        }
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

    /**
     * Compose validates the JSON form of the tree, and Go's JSON encoder refuses infinities and NaN (written
     * {@code .inf}, {@code -.inf}, {@code .nan} in YAML): the first one found, in Compose's words.
     */
    private static Violation nonFinite(Map<String, Object> root) {
        List<String> up = new ArrayList<>(); // the path's segments, from the value up, filled only when one is found
        Double d = findNonFinite(root, up);
        if (d == null) {
            return null;
        }
        String path = "";
        for (int i = up.size() - 1; i >= 0; i--) {
            path = Paths.child(path, up.get(i));
        }
        String shown = d.isNaN() ? "NaN" : d > 0 ? "+Inf" : "-Inf";
        return new Violation(path, "json: unsupported value: " + shown + "; JSON has no infinity or NaN, quote the"
                + " value to keep it as text", 0);
    }

    private static Double findNonFinite(Object value, List<String> up) {
        if (value instanceof Double d) {
            return d.isInfinite() || d.isNaN() ? d : null;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Double d = findNonFinite(e.getValue(), up);
                if (d != null) {
                    up.add(String.valueOf(e.getKey()));
                    return d;
                }
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                Double d = findNonFinite(l.get(i), up);
                if (d != null) {
                    up.add(Paths.index(i));
                    return d;
                }
            }
        }
        return null;
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

    // ---- fast path: the schema compiled once; a boolean walk that stops at the first failure ----

    private static final int T_OBJECT = 1, T_ARRAY = 2, T_STRING = 4, T_BOOLEAN = 8, T_INTEGER = 16, T_NUMBER = 32,
            T_NULL = 64, T_ANY = -1;

    /** One schema (after {@code $ref}) with its keywords decoded, patterns compiled and references resolved. */
    private static final class Node {
        int type = T_ANY;
        Node[] oneOf;
        List<?> enumValues;
        Number minimum;
        Number maximum;
        String[] required;
        Map<String, Node> properties;
        KeyPattern[] patterns;
        Node[] patternNodes;
        boolean noAdditional;
        Node additional;
        Node items;
        boolean uniqueItems;
    }

    private static final Node ROOT = compile(SCHEMA, new java.util.IdentityHashMap<>());

    @SuppressWarnings("unchecked")
    private static Node compile(Map<String, Object> schemaIn, java.util.IdentityHashMap<Map<String, Object>, Node> done) {
        Map<String, Object> schema = resolve(schemaIn);
        Node n = done.get(schema);
        if (n != null) {
            return n;
        }
        n = new Node();
        done.put(schema, n);
        Object type = schema.get("type");
        if (type != null) {
            n.type = typeMask(type);
        }
        if (schema.get("oneOf") instanceof List<?> branches) {
            n.oneOf = new Node[branches.size()];
            for (int i = 0; i < branches.size(); i++) {
                n.oneOf[i] = compile((Map<String, Object>) branches.get(i), done);
            }
        }
        if (schema.get("enum") instanceof List<?> values) {
            n.enumValues = values;
        }
        if (schema.get("minimum") instanceof Number min) {
            n.minimum = min;
        }
        if (schema.get("maximum") instanceof Number max) {
            n.maximum = max;
        }
        if (schema.get("required") instanceof List<?> req) {
            n.required = req.toArray(new String[0]);
        }
        if (schema.get("properties") instanceof Map<?, ?> props) {
            n.properties = new java.util.HashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) props).entrySet()) {
                if (e.getValue() instanceof Map<?, ?> ps) {
                    n.properties.put(e.getKey().intern(), compile((Map<String, Object>) ps, done));
                }
            }
        }
        if (schema.get("patternProperties") instanceof Map<?, ?> pp) {
            n.patterns = new KeyPattern[pp.size()];
            n.patternNodes = new Node[pp.size()];
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) pp).entrySet()) {
                n.patterns[i] = KeyPattern.of(e.getKey());
                n.patternNodes[i++] = compile((Map<String, Object>) e.getValue(), done);
            }
        }
        Object additional = schema.get("additionalProperties");
        n.noAdditional = Boolean.FALSE.equals(additional);
        if (additional instanceof Map<?, ?> as) {
            n.additional = compile((Map<String, Object>) as, done);
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            n.items = compile((Map<String, Object>) items, done);
        }
        n.uniqueItems = Boolean.TRUE.equals(schema.get("uniqueItems"));
        return n;
    }

    private static int typeMask(Object type) {
        if (type instanceof List<?> types) {
            int m = 0;
            for (Object t : types) {
                m |= typeMask(t);
            }
            return m;
        }
        switch ((String) type) {
            case "object":
                return T_OBJECT;
            case "array":
                return T_ARRAY;
            case "string":
                return T_STRING;
            case "boolean":
                return T_BOOLEAN;
            case "integer":
                return T_INTEGER;
            case "number":
                return T_NUMBER;
            case "null":
                return T_NULL;
            default:
                return T_ANY;
        }
    }

    /** The type bits {@code value} satisfies; same rules as {@link #typeMatches}. */
    private static int typeBits(Object value) {
        if (value instanceof String) {
            return T_STRING;
        }
        if (value instanceof Map) {
            return T_OBJECT;
        }
        if (value instanceof List) {
            return T_ARRAY;
        }
        if (value instanceof Boolean) {
            return T_BOOLEAN;
        }
        if (value instanceof Long) {
            return T_INTEGER | T_NUMBER;
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? T_INTEGER | T_NUMBER : T_NUMBER;
        }
        if (value == null) {
            return T_NULL;
        }
        return 0;
    }

    /** Whether {@code value} is valid: true exactly when {@link #check} would report no violation. */
    @SuppressWarnings("unchecked")
    private static boolean valid(Object value, Node n) {
        if (n.type != T_ANY && (typeBits(value) & n.type) == 0) {
            return false;
        }
        if (n.oneOf != null) {
            int ok = 0;
            for (Node b : n.oneOf) {
                if (valid(value, b)) {
                    ok++;
                }
            }
            if (ok != 1) {
                return false;
            }
        }
        if (n.enumValues != null && !containsValue(n.enumValues, value)) {
            return false;
        }
        if (value instanceof Number num) {
            if (n.minimum != null && num.doubleValue() < n.minimum.doubleValue()) {
                return false;
            }
            if (n.maximum != null && num.doubleValue() > n.maximum.doubleValue()) {
                return false;
            }
        }
        if (value instanceof Map<?, ?> m) {
            return validObject((Map<String, Object>) m, n);
        }
        if (value instanceof List<?> l) {
            if (n.items != null) {
                for (Object item : l) {
                    if (!valid(item, n.items)) {
                        return false;
                    }
                }
            }
            if (n.uniqueItems && l.size() > 1) {
                Set<Object> seen = new HashSet<>();
                for (Object item : l) {
                    if (!seen.add(normalizeNumber(item))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean validObject(Map<String, Object> m, Node n) {
        if (n.required != null) {
            for (String r : n.required) {
                if (!m.containsKey(r)) {
                    return false;
                }
            }
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey();
            boolean matched = false;
            if (n.properties != null) {
                Node ps = n.properties.get(key);
                if (ps != null) {
                    if (!valid(e.getValue(), ps)) {
                        return false;
                    }
                    matched = true;
                }
            }
            if (n.patterns != null) {
                for (int i = 0; i < n.patterns.length; i++) {
                    if (n.patterns[i].find(key)) {
                        if (!valid(e.getValue(), n.patternNodes[i])) {
                            return false;
                        }
                        matched = true;
                    }
                }
            }
            if (!matched) {
                if (n.noAdditional) {
                    return false;
                }
                if (n.additional != null && !valid(e.getValue(), n.additional)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A patternProperties key, matched with {@code find} like the reporting path does; the patterns the compose-spec
     * uses are checked without a regex engine when the key has no line terminator (where {@code $} gets subtle).
     */
    private static final class KeyPattern {
        private enum Kind { PREFIX_X, NON_EMPTY, LOWER, NAME, REGEX }

        private final Kind kind;
        private final Pattern pattern;

        private KeyPattern(Kind kind, Pattern pattern) {
            this.kind = kind;
            this.pattern = pattern;
        }

        static KeyPattern of(String regex) {
            Pattern p = PATTERNS.computeIfAbsent(regex, Pattern::compile);
            Kind k = switch (regex) {
                case "^x-" -> Kind.PREFIX_X;
                case ".+", "^.+$" -> Kind.NON_EMPTY;
                case "^[a-z]+$" -> Kind.LOWER;
                case "^[a-zA-Z0-9._-]+$" -> Kind.NAME;
                default -> Kind.REGEX;
            };
            return new KeyPattern(k, p);
        }

        boolean find(String key) {
            switch (kind) {
                case PREFIX_X:
                    return key.startsWith("x-");
                case NON_EMPTY:
                case LOWER:
                case NAME: {
                    boolean all = !key.isEmpty();
                    for (int i = 0; i < key.length(); i++) {
                        char c = key.charAt(i);
                        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                            return pattern.matcher(key).find();
                        }
                        if (kind == Kind.LOWER ? !(c >= 'a' && c <= 'z')
                                : kind == Kind.NAME && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                                || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                            all = false;
                        }
                    }
                    return all;
                }
                default:
                    return pattern.matcher(key).find();
            }
        }
    }
}
