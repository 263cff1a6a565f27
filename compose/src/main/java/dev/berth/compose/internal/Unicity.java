package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Removes duplicates from the lists Compose keys by target, name or {@code k=}, last one winning in place. */
final class Unicity {
    private enum Index { KEY_VALUE, VOLUME, DEVICE, CONFIGS, SECRETS, EXPOSE, PORTS, ENV_FILE }

    private static final Object[][] UNIQUE = {
            {"networks.*.labels", Index.KEY_VALUE},
            {"networks.*.ipam.options", Index.KEY_VALUE},
            {"services.*.annotations", Index.KEY_VALUE},
            {"services.*.build.args", Index.KEY_VALUE},
            {"services.*.build.additional_contexts", Index.KEY_VALUE},
            {"services.*.build.platform", Index.KEY_VALUE},
            {"services.*.build.tags", Index.KEY_VALUE},
            {"services.*.build.labels", Index.KEY_VALUE},
            {"services.*.cap_add", Index.KEY_VALUE},
            {"services.*.cap_drop", Index.KEY_VALUE},
            {"services.*.devices", Index.DEVICE},
            {"services.*.configs", Index.CONFIGS},
            {"services.*.deploy.labels", Index.KEY_VALUE},
            {"services.*.dns", Index.KEY_VALUE},
            {"services.*.dns_opt", Index.KEY_VALUE},
            {"services.*.dns_search", Index.KEY_VALUE},
            {"services.*.environment", Index.KEY_VALUE},
            {"services.*.env_file", Index.ENV_FILE},
            {"services.*.expose", Index.EXPOSE},
            {"services.*.labels", Index.KEY_VALUE},
            {"services.*.links", Index.KEY_VALUE},
            {"services.*.networks.*.aliases", Index.KEY_VALUE},
            {"services.*.networks.*.link_local_ips", Index.KEY_VALUE},
            {"services.*.ports", Index.PORTS},
            {"services.*.profiles", Index.KEY_VALUE},
            {"services.*.secrets", Index.SECRETS},
            {"services.*.sysctls", Index.KEY_VALUE},
            {"services.*.tmpfs", Index.KEY_VALUE},
            {"services.*.volumes", Index.VOLUME},
    };
    private static final PathTrie<Index> TRIE;

    static {
        List<String> patterns = new ArrayList<>();
        List<Index> values = new ArrayList<>();
        for (Object[] u : UNIQUE) {
            patterns.add((String) u[0]);
            values.add((Index) u[1]);
        }
        TRIE = PathTrie.of(patterns, values);
    }

    private Unicity() {
    }

    /**
     * Deduplicates the lists named in {@link #UNIQUE}, visiting the tree in document order but descending only where
     * a pattern can still match; dotted paths are built only for error messages.
     */
    static void enforce(Map<String, Object> root) {
        walk(root, TRIE, new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private static void walk(Map<String, Object> m, PathTrie<Index> node, List<String> path) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            PathTrie<Index> child = node.next(e.getKey());
            if (child == null) {
                continue;
            }
            Object value = e.getValue();
            if (value instanceof Map<?, ?> sub && !child.isLeaf()) {
                path.add(e.getKey());
                walk((Map<String, Object>) sub, child, path);
                path.remove(path.size() - 1);
            } else if (value instanceof List<?> l && child.value() != null) {
                path.add(e.getKey());
                e.setValue(dedupe(child.value(), l, path));
                path.remove(path.size() - 1);
            }
        }
    }

    /** Lists up to this size look their keys up by a linear scan rather than through a hash map. */
    private static final int SMALL = 8;

    private static List<Object> dedupe(Index index, List<?> l, List<String> path) {
        List<Object> seq = new ArrayList<>(l.size());
        if (l.size() <= SMALL) {
            String[] keys = new String[l.size()];
            int i = 0;
            for (Object entry : l) {
                String key = key(index, entry, path, i);
                int j = 0;
                while (j < seq.size() && !keys[j].equals(key)) {
                    j++;
                }
                if (j < seq.size()) {
                    seq.set(j, entry);
                } else {
                    keys[seq.size()] = key;
                    seq.add(entry);
                }
                i++;
            }
            return seq;
        }
        Map<String, Integer> keys = new HashMap<>();
        int i = 0;
        for (Object entry : l) {
            String key = key(index, entry, path, i);
            Integer j = keys.putIfAbsent(key, seq.size());
            if (j != null) {
                seq.set(j, entry);
            } else {
                seq.add(entry);
            }
            i++;
        }
        return seq;
    }

    /**
     * The entry's unique key. {@link #key(Index, Object, String)} depends on its path only for error messages, so it
     * runs without one and, if it fails, again with the dotted path ({@code services.web.ports.3}) to raise the error.
     */
    private static String key(Index index, Object v, List<String> path, int i) {
        try {
            return key(index, v, "");
        } catch (Problem p) {
            return key(index, v, String.join(".", path) + "." + i);
        }
    }

    private static String key(Index index, Object v, String path) {
        switch (index) {
            case KEY_VALUE:
                if (v instanceof String s) {
                    int eq = s.indexOf('=');
                    return eq >= 0 ? s.substring(0, eq) : s;
                }
                throw new Problem(path, path + ": unexpected type " + goType(v) + "; expected a string");
            case VOLUME:
                if (v instanceof Map<?, ?> m) {
                    if (!(m.get("target") instanceof String t)) {
                        throw new Problem(path, "service volume " + path + " is missing a mount target");
                    }
                    return t;
                }
                if (v instanceof String s) {
                    Object t = ShortSyntax.volume(s, path).get("target");
                    return t == null ? "" : (String) t;
                }
                return "";
            case DEVICE:
                if (v instanceof Map<?, ?> m) {
                    if (!(m.get("target") instanceof String t)) {
                        throw new Problem(path, "service device " + path + " is missing a mount target");
                    }
                    return t;
                }
                if (v instanceof String s) {
                    String[] arr = s.split(":", -1);
                    return arr.length == 1 ? arr[0] : arr[1];
                }
                return "";
            case CONFIGS:
            case SECRETS: {
                String prefix = index == Index.SECRETS ? "/run/secrets" : "";
                if (v instanceof String s) {
                    return prefix + "/" + s;
                }
                if (v instanceof Map<?, ?> m) {
                    Object t = m.get("target");
                    if (t != null) {
                        return Go.sprint(t);
                    }
                    return prefix + "/" + Go.sprint(m.get("source"));
                }
                throw new Problem(path, path + ": unsupported value " + Go.sprint(v));
            }
            case EXPOSE:
                if (v instanceof String s) {
                    return s;
                }
                if (v instanceof Long l) {
                    return l.toString();
                }
                throw new Problem(path, path + ": unsupported expose value " + Go.sprint(v));
            case PORTS:
                if (v instanceof Long l) {
                    return l.toString();
                }
                if (v instanceof Map<?, ?> m) {
                    if (!m.containsKey("target")) {
                        throw new Problem(path, "service ports " + path + " is missing a target port");
                    }
                    Object host = m.containsKey("host_ip") ? m.get("host_ip") : "0.0.0.0";
                    Object proto = m.containsKey("protocol") ? m.get("protocol") : "tcp";
                    Object published = m.containsKey("published") ? m.get("published") : "%!s(<nil>)";
                    return host + ":" + published + ":" + Go.sprint(m.get("target")) + "/" + proto;
                }
                if (v instanceof String s) {
                    return s;
                }
                return "";
            case ENV_FILE:
                if (v instanceof String s) {
                    return s;
                }
                if (v instanceof Map<?, ?> m) {
                    if (m.containsKey("path")) {
                        return Go.sprint(m.get("path"));
                    }
                    throw new Problem(path, "environment path attribute " + path + " is missing");
                }
                return "";
            default:
                return "";
        }
    }

    private static String goType(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        return "string";
    }
}
