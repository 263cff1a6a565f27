package dev.berth.compose.internal;

import java.util.List;
import java.util.Map;

/** compose-go {@code validation.Validate}: external resources, file objects, device requests. */
final class Checks {
    private Checks() {
    }

    static void validate(Map<String, Object> dict) {
        Map<String, Object> volumes = Types.asMap(dict.get("volumes"));
        if (volumes != null) {
            volumes.forEach((k, v) -> {
                if (v != null) {
                    Map<String, Object> m = Types.asMap(v);
                    if (m == null) {
                        throw new Problem("volumes." + k, "expected volume, got " + Go.sprint(v));
                    }
                    external(m, "volumes." + k);
                }
            });
        }
        fileObjects(dict, "configs", "file", "environment", "content");
        fileObjects(dict, "secrets", "file", "environment");
        Map<String, Object> services = Types.asMap(dict.get("services"));
        if (services == null) {
            return;
        }
        services.forEach((name, s) -> {
            Map<String, Object> svc = Types.asMap(s);
            if (svc == null) {
                return;
            }
            String p = "services." + name;
            if (svc.get("gpus") instanceof List<?> l) {
                devices(l, p + ".gpus");
            }
            Map<String, Object> deploy = Types.asMap(svc.get("deploy"));
            Map<String, Object> res = deploy == null ? null : Types.asMap(deploy.get("resources"));
            Map<String, Object> resv = res == null ? null : Types.asMap(res.get("reservations"));
            if (resv != null && resv.get("devices") instanceof List<?> l) {
                devices(l, p + ".deploy.resources.reservations.devices");
            }
            Map<String, Object> develop = Types.asMap(svc.get("develop"));
            if (develop != null && develop.get("watch") instanceof List<?> l) {
                int i = 0;
                for (Object w : l) {
                    Map<String, Object> m = Types.asMap(w);
                    if (m != null && "".equals(m.get("path"))) {
                        throw new Problem(p + ".develop.watch." + i + ".path", p + ".develop.watch." + i + ".path: value can't be blank");
                    }
                    i++;
                }
            }
        });
    }

    private static void devices(List<?> l, String p) {
        int i = 0;
        for (Object d : l) {
            Map<String, Object> m = Types.asMap(d);
            if (m != null && m.containsKey("count") && m.containsKey("device_ids")) {
                throw new Problem(p + "." + i, p + "." + i + ": \"count\" and \"device_ids\" attributes are exclusive");
            }
            i++;
        }
    }

    private static void external(Map<String, Object> v, String p) {
        if (!Boolean.TRUE.equals(v.get("external"))) {
            return;
        }
        for (String k : v.keySet()) {
            if (k.equals("name") || k.equals("external") || k.startsWith("x-")) {
                continue;
            }
            throw new Problem(p + "." + k, p + ": conflicting parameters \"external\" and \"" + k + "\" specified");
        }
    }

    private static void fileObjects(Map<String, Object> dict, String top, String... keys) {
        Map<String, Object> res = Types.asMap(dict.get(top));
        if (res == null) {
            return;
        }
        res.forEach((name, v) -> {
            Map<String, Object> m = Types.asMap(v);
            String p = top + "." + name;
            if (m == null) {
                throw new Problem(p, p + ": one of " + String.join("|", keys) + " must be set");
            }
            int count = 0;
            for (String k : keys) {
                if (m.containsKey(k)) {
                    count++;
                }
            }
            if (count > 1) {
                throw new Problem(p, p + ": " + String.join("|", keys) + " attributes are mutually exclusive");
            }
            if (count == 0 && !m.containsKey("driver") && !m.containsKey("external")) {
                throw new Problem(p, p + ": one of " + String.join("|", keys) + " must be set");
            }
        });
    }
}
