package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Merges an override tree into a base tree with Compose's rules ({@code override/merge.go}). */
final class Merger {
    private enum Rule { IPAM, SEQUENCE, BUILD, OVERRIDE, DEPENDS_ON, EXTRA_HOSTS, LOGGING, NETWORKS, ULIMIT }

    private static final Object[][] SPECIALS = {
            {"networks.*.ipam.config", Rule.IPAM},
            {"networks.*.labels", Rule.SEQUENCE},
            {"volumes.*.labels", Rule.SEQUENCE},
            {"services.*.annotations", Rule.SEQUENCE},
            {"services.*.build", Rule.BUILD},
            {"services.*.build.args", Rule.SEQUENCE},
            {"services.*.build.additional_contexts", Rule.SEQUENCE},
            {"services.*.build.extra_hosts", Rule.EXTRA_HOSTS},
            {"services.*.build.labels", Rule.SEQUENCE},
            {"services.*.command", Rule.OVERRIDE},
            {"services.*.depends_on", Rule.DEPENDS_ON},
            {"services.*.deploy.labels", Rule.SEQUENCE},
            {"services.*.dns", Rule.SEQUENCE},
            {"services.*.dns_opt", Rule.SEQUENCE},
            {"services.*.dns_search", Rule.SEQUENCE},
            {"services.*.entrypoint", Rule.OVERRIDE},
            {"services.*.env_file", Rule.SEQUENCE},
            {"services.*.label_file", Rule.SEQUENCE},
            {"services.*.environment", Rule.SEQUENCE},
            {"services.*.extra_hosts", Rule.EXTRA_HOSTS},
            {"services.*.healthcheck.test", Rule.OVERRIDE},
            {"services.*.labels", Rule.SEQUENCE},
            {"services.*.logging", Rule.LOGGING},
            {"services.*.networks", Rule.NETWORKS},
            {"services.*.sysctls", Rule.SEQUENCE},
            {"services.*.tmpfs", Rule.SEQUENCE},
            {"services.*.ulimits.*", Rule.ULIMIT},
    };
    private static final String[][] PATTERNS = new String[SPECIALS.length][];

    static {
        for (int i = 0; i < SPECIALS.length; i++) {
            PATTERNS[i] = Paths.split((String) SPECIALS[i][0]);
        }
    }

    private Merger() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        return (Map<String, Object>) merge(base, override, new ArrayList<>());
    }

    /** Merges a service definition over the one it extends. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> extend(Map<String, Object> base, Map<String, Object> service) {
        List<String> path = new ArrayList<>(List.of("services", "x"));
        return (Map<String, Object>) merge(base, service, path);
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object e, Object o, List<String> path) {
        Rule rule = ruleFor(path);
        if (rule != null) {
            return special(rule, e, o, path);
        }
        if (o == null) {
            return e;
        }
        if (e instanceof Map<?, ?> m) {
            if (!(o instanceof Map<?, ?> om)) {
                throw new Problem(String.join(".", path), "cannot override " + String.join(".", path)
                        + ": a mapping can only be overridden by a mapping, got " + Types.describe(o)
                        + "; use !override to replace it");
            }
            return mergeMappings((Map<String, Object>) m, (Map<String, Object>) om, path);
        }
        if (e instanceof List<?> l) {
            if (!(o instanceof List<?> ol)) {
                throw new Problem(String.join(".", path), "cannot override " + String.join(".", path)
                        + ": a list can only be overridden by a list, got " + Types.describe(o)
                        + "; use !override to replace it");
            }
            List<Object> out = new ArrayList<>((List<Object>) l);
            out.addAll(ol);
            return out;
        }
        return o;
    }

    private static Rule ruleFor(List<String> path) {
        if (path.isEmpty() || !(path.get(0).equals("services") || path.get(0).equals("networks") || path.get(0).equals("volumes"))) {
            return null;
        }
        String[] segs = path.toArray(new String[0]);
        for (int i = 0; i < PATTERNS.length; i++) {
            if (Paths.matches(segs, PATTERNS[i])) {
                return (Rule) SPECIALS[i][1];
            }
        }
        return null;
    }

    static Map<String, Object> mergeMappings(Map<String, Object> mapping, Map<String, Object> other, List<String> path) {
        Map<String, Object> out = new LinkedHashMap<>(mapping);
        for (Map.Entry<String, Object> en : other.entrySet()) {
            String k = en.getKey();
            if (!out.containsKey(k) || k.startsWith("x-")) {
                out.put(k, en.getValue());
                continue;
            }
            path.add(k);
            out.put(k, merge(out.get(k), en.getValue(), path));
            path.remove(path.size() - 1);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object special(Rule rule, Object c, Object o, List<String> path) {
        switch (rule) {
            case OVERRIDE:
                return o;
            case SEQUENCE: {
                List<Object> out = new ArrayList<>(toSequence(c));
                out.addAll(toSequence(o));
                return out;
            }
            case EXTRA_HOSTS: {
                List<Object> right = new ArrayList<>(toSequence(c));
                for (Object v : toSequence(o)) {
                    if (!right.contains(v)) {
                        right.add(v);
                    }
                }
                return right;
            }
            case BUILD:
                return mergeMappings(toBuild(c), toBuild(o), path);
            case DEPENDS_ON:
                return mergeMappings(toMapping(c, true), toMapping(o, true), path);
            case NETWORKS:
                return mergeMappings(toMapping(c, false), toMapping(o, false), path);
            case LOGGING: {
                Map<String, Object> config = Types.asMap(c);
                Map<String, Object> other = Types.asMap(o);
                if (config == null || other == null) {
                    return o == null ? c : o;
                }
                boolean ok1 = other.containsKey("driver");
                boolean ok2 = config.containsKey("driver");
                if (Objects.equals(other.get("driver"), config.get("driver")) || !ok1 || !ok2) {
                    return mergeMappings(config, other, path);
                }
                return other;
            }
            case ULIMIT:
                if (o instanceof Map<?, ?> om) {
                    return mergeMappings((Map<String, Object>) om, (Map<String, Object>) om, path);
                }
                return o;
            case IPAM:
                return mergeIpam(c, o, path);
            default:
                throw new IllegalStateException(rule.name());
        }
    }

    private static Map<String, Object> toBuild(Object v) {
        if (v instanceof String s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("context", s);
            return m;
        }
        Map<String, Object> m = Types.asMap(v);
        return m == null ? new LinkedHashMap<>() : m;
    }

    /** compose-go convertIntoSequence: a mapping becomes sorted {@code k=v} strings. */
    @SuppressWarnings("unchecked")
    static List<Object> toSequence(Object value) {
        if (value instanceof Map<?, ?> m) {
            List<String> seq = new ArrayList<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                Object val = e.getValue();
                if (val == null) {
                    seq.add(e.getKey());
                } else if (val instanceof List<?> l) {
                    for (Object x : l) {
                        seq.add(e.getKey() + "=" + Go.sprint(x));
                    }
                } else {
                    seq.add(e.getKey() + "=" + Go.sprint(val));
                }
            }
            Collections.sort(seq);
            return new ArrayList<>(seq);
        }
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (value instanceof String s) {
            return new ArrayList<>(List.of(s));
        }
        return new ArrayList<>();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMapping(Object a, boolean dependsOnDefaults) {
        if (a instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (a instanceof List<?> l) {
            for (Object s : l) {
                String key = Go.sprint(s);
                if (dependsOnDefaults) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("condition", "service_started");
                    d.put("required", true);
                    out.put(key, d);
                } else {
                    out.put(key, null);
                }
            }
        }
        return out;
    }

    private static Object mergeIpam(Object c, Object o, List<String> path) {
        if (!(c instanceof List<?> cl) || !(o instanceof List<?> ol)) {
            return o == null ? c : o;
        }
        List<Object> configs = new ArrayList<>();
        for (Object original : cl) {
            Map<String, Object> right = toMapping(original, false);
            for (Object ov : ol) {
                Map<String, Object> left = toMapping(ov, false);
                if (!Objects.equals(left.get("subnet"), right.get("subnet"))) {
                    boolean exists = configs.stream().anyMatch(x -> Objects.equals(Types.asMap(x).get("subnet"), left.get("subnet")));
                    if (!exists) {
                        configs.add(left);
                        continue;
                    }
                }
                Map<String, Object> merged = mergeMappings(right, left, path);
                int idx = -1;
                for (int i = 0; i < configs.size(); i++) {
                    if (Objects.equals(Types.asMap(configs.get(i)).get("subnet"), merged.get("subnet"))) {
                        idx = i;
                        break;
                    }
                }
                if (idx >= 0) {
                    configs.set(idx, merged);
                } else {
                    configs.add(merged);
                }
            }
        }
        return configs;
    }
}
