package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.ListIterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Interpolates every string value of a file's tree (keys are left alone), then casts the values that compose-go
 * types as numbers or booleans ({@code loader/interpolate.go}).
 */
final class Interpolator {
    private enum Cast { INT, INT64, FLOAT, FLOAT32, BOOL }

    private static final Object[][] CASTS = {
            {"services.*.configs.[].mode", Cast.INT},
            {"services.*.cpu_count", Cast.INT64},
            {"services.*.cpu_percent", Cast.FLOAT},
            {"services.*.cpu_period", Cast.INT64},
            {"services.*.cpu_quota", Cast.INT64},
            {"services.*.cpu_rt_period", Cast.INT64},
            {"services.*.cpu_rt_runtime", Cast.INT64},
            {"services.*.cpus", Cast.FLOAT32},
            {"services.*.cpu_shares", Cast.INT64},
            {"services.*.init", Cast.BOOL},
            {"services.*.deploy.replicas", Cast.INT},
            {"services.*.deploy.update_config.parallelism", Cast.INT},
            {"services.*.deploy.update_config.max_failure_ratio", Cast.FLOAT},
            {"services.*.deploy.rollback_config.parallelism", Cast.INT},
            {"services.*.deploy.rollback_config.max_failure_ratio", Cast.FLOAT},
            {"services.*.deploy.restart_policy.max_attempts", Cast.INT},
            {"services.*.deploy.placement.max_replicas_per_node", Cast.INT},
            {"services.*.healthcheck.retries", Cast.INT},
            {"services.*.healthcheck.disable", Cast.BOOL},
            {"services.*.oom_kill_disable", Cast.BOOL},
            {"services.*.oom_score_adj", Cast.INT64},
            {"services.*.pids_limit", Cast.INT64},
            {"services.*.ports.[].target", Cast.INT},
            {"services.*.privileged", Cast.BOOL},
            {"services.*.read_only", Cast.BOOL},
            {"services.*.scale", Cast.INT},
            {"services.*.secrets.[].mode", Cast.INT},
            {"services.*.stdin_open", Cast.BOOL},
            {"services.*.tty", Cast.BOOL},
            {"services.*.ulimits.*", Cast.INT},
            {"services.*.ulimits.*.hard", Cast.INT},
            {"services.*.ulimits.*.soft", Cast.INT},
            {"services.*.volumes.[].read_only", Cast.BOOL},
            {"services.*.volumes.[].volume.nocopy", Cast.BOOL},
            {"networks.*.external", Cast.BOOL},
            {"networks.*.internal", Cast.BOOL},
            {"networks.*.attachable", Cast.BOOL},
            {"networks.*.enable_ipv4", Cast.BOOL},
            {"networks.*.enable_ipv6", Cast.BOOL},
            {"volumes.*.external", Cast.BOOL},
            {"secrets.*.external", Cast.BOOL},
            {"configs.*.external", Cast.BOOL},
    };
    private static final PathTrie<Cast> TRIE;

    static {
        List<String> patterns = new ArrayList<>();
        List<Cast> values = new ArrayList<>();
        for (Object[] c : CASTS) {
            patterns.add((String) c[0]);
            values.add((Cast) c[1]);
        }
        TRIE = PathTrie.of(patterns, values);
    }

    private final Template template;
    private final Consumer<String> warnings;

    Interpolator(Template.Lookup lookup, Consumer<String> warnings) {
        this.template = new Template(lookup, warnings);
        this.warnings = warnings;
    }

    /**
     * Interpolates {@code root} in place (the trees YamlReader builds are not shared) and returns it; values cast to
     * numbers or booleans replace their strings.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> interpolate(Map<String, Object> root) {
        return (Map<String, Object>) walk(root, TRIE, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * Walks the tree keeping the node of the cast patterns that the path so far matches ({@code null} once none can).
     * {@code segs} is the path as compose-go names it in messages (list items as {@code []}), {@code dotted} the same
     * path with list indexes; both are joined only for an error message.
     */
    @SuppressWarnings("unchecked")
    private Object walk(Object value, PathTrie<Cast> node, List<String> segs, List<String> dotted) {
        if (value instanceof String s) {
            String v;
            try {
                v = template.substitute(s);
            } catch (Template.TemplateException e) {
                String p = String.join(".", segs);
                if (e.invalid()) {
                    throw new Problem(dotted(dotted), "invalid interpolation format for " + p
                            + ".\nYou may need to escape any $ with another $.\n" + s);
                }
                throw new Problem(dotted(dotted), "error while interpolating " + p + ": " + e.getMessage());
            }
            Cast cast = node == null ? null : node.value();
            return cast == null ? v : cast(cast, v, segs, dotted);
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                String k = e.getKey();
                segs.add(k);
                dotted.add(k);
                e.setValue(walk(e.getValue(), node == null ? null : node.next(k), segs, dotted));
                segs.remove(segs.size() - 1);
                dotted.remove(dotted.size() - 1);
            }
            return m;
        }
        if (value instanceof List<?> l) {
            PathTrie<Cast> item = node == null ? null : node.next("[]");
            segs.add("[]");
            int i = 0;
            for (ListIterator<Object> it = ((List<Object>) l).listIterator(); it.hasNext(); ) {
                Object o = it.next();
                dotted.add(Paths.index(i++));
                it.set(walk(o, item, segs, dotted));
                dotted.remove(dotted.size() - 1);
            }
            segs.remove(segs.size() - 1);
            return l;
        }
        return value;
    }

    /** {@code services.web.ports.0.target}, as Paths.child builds it segment by segment. */
    private static String dotted(List<String> segs) {
        String p = "";
        for (String s : segs) {
            p = Paths.child(p, s);
        }
        return p;
    }

    private Object cast(Cast cast, String v, List<String> segs, List<String> dotted) {
        try {
            switch (cast) {
                case INT: {
                    long l = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                    return l;
                }
                case INT64:
                    return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                case FLOAT:
                case FLOAT32:
                    return parseFloat(v);
                default:
                    return toBoolean(v, warnings);
            }
        } catch (NumberFormatException e) {
            String what = cast == Cast.BOOL ? "invalid boolean: " + v
                    : "strconv." + (cast == Cast.FLOAT || cast == Cast.FLOAT32 ? "ParseFloat" : cast == Cast.INT ? "Atoi" : "ParseInt")
                    + ": parsing " + Template.goQuote(v) + ": invalid syntax";
            throw new Problem(dotted(dotted), "error while interpolating " + String.join(".", segs)
                    + ": failed to cast to expected type: " + what);
        }
    }

    static double parseFloat(String v) {
        String t = v.trim();
        if (!t.equals(v) || t.isEmpty() || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
            throw new NumberFormatException(v);
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                return Double.parseDouble(t);
        }
    }

    static Boolean toBoolean(String value, Consumer<String> warnings) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "y", "yes", "on":
                warnings.accept("\"" + value + "\" for boolean is not supported by YAML 1.2, please use `true`");
                return Boolean.TRUE;
            case "n", "no", "off":
                warnings.accept("\"" + value + "\" for boolean is not supported by YAML 1.2, please use `false`");
                return Boolean.FALSE;
            default:
                throw new NumberFormatException(value);
        }
    }
}
