package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * compose-go {@code loader/normalize.go}: default network, build defaults, arguments and environment resolved from the
 * project environment, implicit dependencies, cleaned mount targets and resource names.
 */
final class Normalizer {
    private Normalizer() {
    }

    static void normalize(Map<String, Object> dict, Map<String, String> env) {
        networks(dict);
        Map<String, Object> services = Types.asMap(dict.get("services"));
        if (services != null) {
            for (Map.Entry<String, Object> e : services.entrySet()) {
                Map<String, Object> svc = Types.asMap(e.getValue());
                if (svc != null) {
                    service(svc, env::get);
                }
            }
        }
        names(dict);
    }

    private static void service(Map<String, Object> svc, Function<String, String> env) {
        if ("if_not_present".equals(svc.get("pull_policy"))) {
            svc.put("pull_policy", "missing");
        }
        Map<String, Object> build = Types.asMap(svc.get("build"));
        if (build != null) {
            if (build.get("context") == null) {
                build.put("context", ".");
            }
            if (build.get("dockerfile") == null && build.get("dockerfile_inline") == null) {
                build.put("dockerfile", "Dockerfile");
            }
            if (build.containsKey("args")) {
                build.put("args", resolve(build.get("args"), env, false));
            }
        }
        if (svc.containsKey("environment")) {
            svc.put("environment", resolve(svc.get("environment"), env, true));
        }
        Map<String, Object> dependsOn = Types.asMap(svc.get("depends_on"));
        if (dependsOn == null) {
            dependsOn = new LinkedHashMap<>();
        }
        if (svc.get("links") instanceof List<?> links) {
            for (Object l : links) {
                String link = Go.sprint(l);
                String[] parts = link.split(":", -1);
                if (parts.length == 2) {
                    link = parts[0];
                }
                if (!dependsOn.containsKey(link)) {
                    dependsOn.put(link, dependency(true));
                }
            }
        }
        for (String ns : new String[]{"network_mode", "ipc", "pid", "uts", "cgroup"}) {
            if (svc.get(ns) instanceof String ref && ref.startsWith("service:")) {
                String shared = ref.substring("service:".length());
                if (!dependsOn.containsKey(shared)) {
                    dependsOn.put(shared, dependency(true));
                }
            }
        }
        if (svc.get("volumes") instanceof List<?> vols) {
            for (Object v : vols) {
                Map<String, Object> m = Types.asMap(v);
                if (m != null && m.get("target") instanceof String t) {
                    m.put("target", ShortSyntax.cleanPath(t));
                }
            }
        }
        if (svc.get("volumes_from") instanceof List<?> vf) {
            for (Object v : vf) {
                String vol = Go.sprint(v);
                if (!vol.startsWith("container:")) {
                    String name = vol.split(":", -1)[0];
                    if (!dependsOn.containsKey(name)) {
                        dependsOn.put(name, dependency(false));
                    }
                }
            }
        }
        if (!dependsOn.isEmpty()) {
            svc.put("depends_on", dependsOn);
        }
    }

    private static Map<String, Object> dependency(boolean restart) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("condition", "service_started");
        d.put("restart", restart);
        d.put("required", true);
        return d;
    }

    private static void networks(Map<String, Object> dict) {
        Map<String, Object> networks = Types.asMap(dict.get("networks"));
        if (networks == null) {
            networks = new LinkedHashMap<>();
        }
        boolean usesDefault = false;
        Map<String, Object> services = Types.asMap(dict.get("services"));
        if (services != null) {
            for (Object s : services.values()) {
                Map<String, Object> svc = Types.asMap(s);
                if (svc == null || svc.containsKey("network_mode")) {
                    continue;
                }
                Map<String, Object> net = Types.asMap(svc.get("networks"));
                if (!svc.containsKey("networks") || net == null || net.isEmpty()) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("default", null);
                    svc.put("networks", d);
                    usesDefault = true;
                } else if (net.containsKey("default")) {
                    usesDefault = true;
                }
            }
        }
        if (!networks.containsKey("default") && usesDefault) {
            networks.put("default", null);
        }
        if (!networks.isEmpty()) {
            dict.put("networks", networks);
        }
    }

    private static Object resolve(Object a, Function<String, String> fn, boolean keepEmpty) {
        if (a instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object v : l) {
                if (v instanceof String s) {
                    if (!s.contains("=")) {
                        String val = fn.apply(s);
                        if (val != null) {
                            out.add(s + "=" + val);
                        } else if (keepEmpty) {
                            out.add(s);
                        }
                    } else {
                        out.add(s);
                    }
                }
            }
            return out;
        }
        if (a instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = (String) e.getKey();
                if (e.getValue() != null) {
                    out.put(key, e.getValue());
                    continue;
                }
                String s = fn.apply(key);
                if (s != null) {
                    out.put(key, s);
                } else if (keepEmpty) {
                    out.put(key, null);
                }
            }
            return out;
        }
        return a;
    }

    private static void names(Map<String, Object> dict) {
        for (String r : new String[]{"networks", "volumes", "configs", "secrets"}) {
            Map<String, Object> top = Types.asMap(dict.get(r));
            if (top == null) {
                continue;
            }
            for (Map.Entry<String, Object> e : top.entrySet()) {
                Map<String, Object> res = e.getValue() == null ? new LinkedHashMap<>() : Types.asMap(e.getValue());
                if (res == null) {
                    continue;
                }
                if (res.get("name") == null) {
                    Object ext = res.get("external");
                    if (ext != null && isTrue(ext)) {
                        res.put("name", e.getKey());
                    } else {
                        res.put("name", dict.get("name") + "_" + e.getKey());
                    }
                }
                e.setValue(res);
            }
        }
    }

    private static boolean isTrue(Object x) {
        String s = Go.sprint(x);
        return s.equals("1") || s.equals("t") || s.equals("T") || s.equals("true") || s.equals("TRUE") || s.equals("True");
    }
}
