package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** compose-go {@code ResolveEnvironment}: bare list entries and secret/config {@code environment} sources. */
final class Environment {
    private Environment() {
    }

    static void resolve(Map<String, Object> dict, Map<String, String> env) {
        Map<String, Object> services = Types.asMap(dict.get("services"));
        if (services != null) {
            for (Object s : services.values()) {
                Map<String, Object> svc = Types.asMap(s);
                if (svc == null || !(svc.get("environment") instanceof List<?> l)) {
                    continue;
                }
                List<Object> out = new ArrayList<>();
                for (Object e : l) {
                    if (!(e instanceof String v)) {
                        continue;
                    }
                    String found = env.get(v);
                    out.add(found != null ? v + "=" + found : v);
                }
                svc.put("environment", out);
            }
        }
        Map<String, Object> secrets = Types.asMap(dict.get("secrets"));
        if (secrets != null) {
            for (Object s : secrets.values()) {
                Map<String, Object> m = Types.asMap(s);
                if (m != null && m.get("environment") instanceof String e && env.get(e) != null) {
                    m.put("content", env.get(e));
                }
            }
        }
        Map<String, Object> configs = Types.asMap(dict.get("configs"));
        if (configs != null) {
            for (Object s : configs.values()) {
                Map<String, Object> m = Types.asMap(s);
                if (m != null && m.get("environment") instanceof String e && env.get(e) != null) {
                    m.put("content", env.get(e));
                }
            }
        }
    }
}
