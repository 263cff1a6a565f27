package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** compose-go {@code checkConsistency} and the dependency cycle check, on the normalized tree. */
final class Consistency {
    private Consistency() {
    }

    static void check(Map<String, Object> services, Map<String, Object> disabled, Map<String, Object> dict) {
        Map<String, Object> networks = orEmpty(dict.get("networks"));
        Map<String, Object> volumes = orEmpty(dict.get("volumes"));
        Map<String, Object> secrets = orEmpty(dict.get("secrets"));
        Map<String, Object> configs = orEmpty(dict.get("configs"));
        for (Map.Entry<String, Object> e : new TreeMap<>(services).entrySet()) {
            String name = e.getKey();
            String p = "services." + name;
            Map<String, Object> s = orEmpty(e.getValue());
            Map<String, Object> build = Types.asMap(s.get("build"));
            if (build == null && isBlank(s.get("image"))) {
                throw new Problem(p, "service \"" + name + "\" has neither an image nor a build context specified: invalid compose project;"
                        + " set image: or build:");
            }
            if (build != null) {
                if (!isBlank(build.get("dockerfile_inline")) && !isBlank(build.get("dockerfile"))) {
                    throw new Problem(p + ".build", "service \"" + name + "\" declares mutualy exclusive dockerfile and dockerfile_inline: invalid compose project");
                }
                Map<String, Object> add = orEmpty(build.get("additional_contexts"));
                for (Map.Entry<String, Object> a : add.entrySet()) {
                    String c = Go.sprint(a.getValue());
                    if (c.startsWith("service:")) {
                        String target = c.substring("service:".length());
                        if (!services.containsKey(target)) {
                            throw new Problem(p + ".build.additional_contexts", "service \"" + name + "\" declares unknown service \"" + target + "\" as additional contexts " + a.getKey());
                        }
                        if (orEmpty(services.get(target)).get("build") == null) {
                            throw new Problem(p + ".build.additional_contexts", "service \"" + name + "\" declares non-buildable service \"" + target + "\" as additional contexts " + a.getKey());
                        }
                    }
                }
                for (Object sec : list(build.get("secrets"))) {
                    Object src = orEmpty(sec).get("source");
                    if (!secrets.containsKey(Go.sprint(src))) {
                        throw new Problem(p + ".build.secrets", "service \"" + name + "\" refers to undefined build secret " + Go.sprint(src) + ": invalid compose project");
                    }
                }
            }
            Map<String, Object> nets = orEmpty(s.get("networks"));
            if (!isBlank(s.get("network_mode")) && !nets.isEmpty()) {
                throw new Problem(p + ".network_mode", "service " + name + " declares mutually exclusive `network_mode` and `networks`: invalid compose project");
            }
            for (String n : new TreeMap<>(nets).keySet()) {
                if (!networks.containsKey(n)) {
                    throw new Problem(p + ".networks." + n, "service \"" + name + "\" refers to undefined network " + n + ": invalid compose project;"
                            + " declare it under the top-level networks: key");
                }
            }
            Map<String, Object> hc = Types.asMap(s.get("healthcheck"));
            if (hc != null && hc.get("test") instanceof List<?> t && !t.isEmpty()) {
                String first = Go.sprint(t.get(0));
                if (!first.equals("CMD") && !first.equals("CMD-SHELL") && !first.equals("NONE")) {
                    throw new Problem(p + ".healthcheck.test", "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
                }
            }
            for (Map.Entry<String, Object> d : new TreeMap<>(orEmpty(s.get("depends_on"))).entrySet()) {
                if (!services.containsKey(d.getKey())) {
                    boolean required = !Boolean.FALSE.equals(orEmpty(d.getValue()).get("required"));
                    if (disabled.containsKey(d.getKey()) && !required) {
                        continue;
                    }
                    throw new Problem(p + ".depends_on." + d.getKey(), "service \"" + name + "\" depends on undefined service \"" + d.getKey()
                            + "\": invalid compose project");
                }
            }
            if (s.get("network_mode") instanceof String nm && nm.startsWith("service:")) {
                String ref = nm.substring("service:".length());
                if (!services.containsKey(ref)) {
                    throw new Problem(p + ".network_mode", "service \"" + ref + "\" not found for network_mode 'service:" + ref + "'");
                }
            }
            int i = 0;
            for (Object v : list(s.get("volumes"))) {
                Map<String, Object> vol = orEmpty(v);
                if ("volume".equals(vol.get("type")) && !isBlank(vol.get("source")) && !volumes.containsKey(Go.sprint(vol.get("source")))) {
                    throw new Problem(p + ".volumes." + i, "service \"" + name + "\" refers to undefined volume " + vol.get("source")
                            + ": invalid compose project; declare it under the top-level volumes: key");
                }
                i++;
            }
            refs(s, "configs", configs, name, p, "config");
            refs(s, "secrets", secrets, name, p, "secret");
            Map<String, Object> deploy = Types.asMap(s.get("deploy"));
            if (s.get("scale") != null && deploy != null) {
                Object replicas = deploy.get("replicas");
                if (replicas != null && GoValues.toLong(replicas) != GoValues.toLong(s.get("scale"))) {
                    throw new Problem(p + ".scale", "services." + name + ": can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project");
                }
                deploy.put("replicas", s.get("scale"));
            }
            Map<String, Object> res = deploy == null ? null : Types.asMap(deploy.get("resources"));
            Map<String, Object> limits = res == null ? null : Types.asMap(res.get("limits"));
            Map<String, Object> reservations = res == null ? null : Types.asMap(res.get("reservations"));
            if (s.get("cpus") != null && deploy != null && limits != null) {
                float a = (float) GoValues.toDouble(s.get("cpus"));
                float b = limits.get("cpus") == null ? 0f : (float) GoValues.toDouble(limits.get("cpus"));
                if (a != 0 && a != b) {
                    throw new Problem(p + ".cpus", "services." + name + ": can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': invalid compose project");
                }
            }
            sameBytes(s, "mem_limit", limits, "memory", name, p, "deploy.resources.limits.memory", deploy);
            sameBytes(s, "mem_reservation", reservations, "memory", name, p, "deploy.resources.reservations.memory", deploy);
            if (s.get("pids_limit") != null && deploy != null && limits != null) {
                long a = GoValues.toLong(s.get("pids_limit"));
                long b = limits.get("pids") == null ? 0 : GoValues.toLong(limits.get("pids"));
                if (a != 0 && a != b) {
                    throw new Problem(p + ".pids_limit", "services." + name + ": can't set distinct values on 'pids_limit' and 'deploy.resources.limits.pids': invalid compose project");
                }
            }
            long scale = s.get("scale") != null ? GoValues.toLong(s.get("scale"))
                    : deploy != null && deploy.get("replicas") != null ? GoValues.toLong(deploy.get("replicas")) : 1;
            if (scale > 1 && !isBlank(s.get("container_name"))) {
                String attr = s.get("scale") != null ? "scale" : "deploy.replicas";
                throw new Problem(p + ".container_name", "services." + attr + ": can't set container_name and " + name
                        + " as container name must be unique: invalid compose project");
            }
            Map<String, Object> develop = Types.asMap(s.get("develop"));
            if (develop != null) {
                for (Object w : list(develop.get("watch"))) {
                    Map<String, Object> wm = orEmpty(w);
                    Object action = wm.get("action");
                    if (isBlank(wm.get("target")) && !"rebuild".equals(action) && !"restart".equals(action)) {
                        throw new Problem(p + ".develop.watch", "services." + name + ".develop.watch: target is required for non-rebuild actions: invalid compose project");
                    }
                }
            }
        }
        for (Map.Entry<String, Object> e : new TreeMap<>(secrets).entrySet()) {
            Map<String, Object> sec = orEmpty(e.getValue());
            if (Boolean.TRUE.equals(sec.get("external"))) {
                continue;
            }
            if (isBlank(sec.get("file")) && isBlank(sec.get("environment"))) {
                throw new Problem("secrets." + e.getKey(), "secret \"" + e.getKey() + "\" must declare either `file` or `environment`: invalid compose project");
            }
        }
        cycles(services, disabled);
    }

    private static void sameBytes(Map<String, Object> s, String key, Map<String, Object> res, String resKey, String name,
                                  String p, String what, Map<String, Object> deploy) {
        if (s.get(key) == null || deploy == null || res == null) {
            return;
        }
        Object a = GoValues.convert("bytes", s.get(key), p + "." + key);
        Object b = GoValues.convert("bytes", res.get(resKey), p + ".deploy");
        if (a != null && !a.equals(b)) {
            throw new Problem(p + "." + key, "services." + name + ": can't set distinct values on '" + key + "' and '" + what + "': invalid compose project");
        }
    }

    private static void refs(Map<String, Object> s, String key, Map<String, Object> defined, String name, String p, String what) {
        int i = 0;
        for (Object r : list(s.get(key))) {
            String src = Go.sprint(orEmpty(r).get("source"));
            if (!defined.containsKey(src)) {
                throw new Problem(p + "." + key + "." + i, "service \"" + name + "\" refers to undefined " + what + " " + src
                        + ": invalid compose project; declare it under the top-level " + key + ": key");
            }
            i++;
        }
    }

    private static void cycles(Map<String, Object> services, Map<String, Object> disabled) {
        Map<String, List<String>> children = new TreeMap<>();
        for (Map.Entry<String, Object> e : services.entrySet()) {
            List<String> deps = new ArrayList<>();
            for (Map.Entry<String, Object> d : orEmpty(orEmpty(e.getValue()).get("depends_on")).entrySet()) {
                if (!services.containsKey(d.getKey())) {
                    boolean required = !Boolean.FALSE.equals(orEmpty(d.getValue()).get("required"));
                    if (required) {
                        if (disabled.containsKey(d.getKey())) {
                            throw new Problem("services." + e.getKey() + ".depends_on", "service \"" + d.getKey() + "\" is required by \"" + e.getKey()
                                    + "\" but is disabled. Can be enabled by profiles " + Go.sprint(orEmpty(disabled.get(d.getKey())).get("profiles")));
                        }
                        throw new Problem("services." + e.getKey() + ".depends_on", "service \"" + e.getKey() + "\" depends on unknown service \"" + d.getKey() + "\"");
                    }
                    continue;
                }
                deps.add(d.getKey());
            }
            Collections.sort(deps);
            children.put(e.getKey(), deps);
        }
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String name : children.keySet()) {
            List<String> path = new ArrayList<>();
            path.add(name);
            search(path, children, done);
        }
    }

    private static void search(List<String> path, Map<String, List<String>> children, java.util.Set<String> done) {
        String last = path.get(path.size() - 1);
        if (done.contains(last)) {
            return;
        }
        for (String c : children.getOrDefault(last, List.of())) {
            int i = path.indexOf(c);
            if (i >= 0) {
                throw new Problem("services." + path.get(path.size() - 1) + ".depends_on", "dependency cycle detected: "
                        + String.join(" -> ", path.subList(i, path.size())) + " -> " + c);
            }
            path.add(c);
            search(path, children, done);
            path.remove(path.size() - 1);
        }
        done.add(last);
    }

    private static boolean isBlank(Object o) {
        return o == null || "".equals(o);
    }

    private static Map<String, Object> orEmpty(Object o) {
        Map<String, Object> m = Types.asMap(o);
        return m == null ? new TreeMap<>() : m;
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
