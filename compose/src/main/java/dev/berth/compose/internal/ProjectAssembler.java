package dev.berth.compose.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * From the normalized tree to the project: profiles, consistency, {@code env_file} and {@code label_file} resolution,
 * unused resources dropped (compose-go {@code modelToProject} and docker compose {@code ToProject}).
 */
final class ProjectAssembler {
    record Result(Map<String, Object> tree, Map<String, Object> disabled, Map<String, Object> rendered) {
    }

    private ProjectAssembler() {
    }

    static Result assemble(Map<String, Object> dict, List<String> profiles, Map<String, String> env, boolean interpolate,
                           LoadContext ctx) {
        if (!interpolate) {
            return new Result(dict, Map.of(), dict);
        }
        Map<String, Object> services = new LinkedHashMap<>();
        Map<String, Object> disabled = new LinkedHashMap<>();
        Map<String, Object> all = Types.asMap(dict.get("services"));
        if (all != null) {
            all.forEach((name, s) -> {
                if (hasProfile(Types.asMap(s), profiles)) {
                    services.put(name, s);
                } else {
                    disabled.put(name, s);
                }
            });
        }
        dict.put("services", services);
        Consistency.check(services, disabled, dict);
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> s = Types.asMap(e.getValue());
            if (s != null) {
                resolveEnvironment(s, env, "services." + e.getKey(), ctx);
                resolveLabels(s, "services." + e.getKey(), ctx);
            }
        }
        dropUnused(dict, services);
        return new Result(dict, disabled, GoRenderer.project(dict, false));
    }

    static boolean hasProfile(Map<String, Object> s, List<String> profiles) {
        if (s == null || !(s.get("profiles") instanceof List<?> sp) || sp.isEmpty()) {
            return true;
        }
        for (String p : profiles) {
            if (p.equals("*") || sp.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static void resolveEnvironment(Map<String, Object> s, Map<String, String> projectEnv, String path, LoadContext ctx) {
        Map<String, Object> serviceEnv = new LinkedHashMap<>();
        Object raw = GoValues.convert("mwe", s.get("environment"), path + ".environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> serviceEnv.put((String) k, v == null ? projectEnv.get((String) k) : v));
        }
        Map<String, Object> environment = new LinkedHashMap<>();
        if (s.get("env_file") instanceof List<?> files) {
            int i = 0;
            for (Object f : files) {
                Map<String, Object> ef = Types.asMap(f);
                String fp = path + ".env_file." + i++;
                if (ef == null || !(ef.get("path") instanceof String p)) {
                    continue;
                }
                Path file = Path.of(p);
                boolean required = !Boolean.FALSE.equals(ef.get("required"));
                if (!Files.exists(file)) {
                    if (required) {
                        throw new Problem(fp, "env file " + p + " not found: stat " + p + ": no such file or directory;"
                                + " create it or mark it required: false");
                    }
                    continue;
                }
                try {
                    String content = Files.readString(file, StandardCharsets.UTF_8);
                    Map<String, String> vars;
                    if ("raw".equals(ef.get("format"))) {
                        vars = raw(content);
                    } else {
                        vars = DotEnv.parse(content, k -> {
                            Object v = environment.get(k);
                            if (v != null) {
                                return (String) v;
                            }
                            return projectEnv.get(k);
                        }, ctx::warn);
                    }
                    environment.putAll(vars);
                } catch (DotEnv.DotEnvException e) {
                    throw new Problem(fp, "failed to read " + p + ": " + e.getMessage());
                } catch (IOException e) {
                    throw new Problem(fp, "cannot read env file " + p + ": " + e.getMessage());
                }
            }
        }
        environment.putAll(serviceEnv);
        if (!environment.isEmpty()) {
            s.put("environment", environment);
        } else {
            s.remove("environment");
        }
        s.remove("env_file");
    }

    private static Map<String, String> raw(String content) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : content.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private static void resolveLabels(Map<String, Object> s, String path, LoadContext ctx) {
        if (!(s.get("label_file") instanceof List<?> files)) {
            return;
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        int i = 0;
        for (Object f : files) {
            String p = Go.sprint(f);
            String fp = path + ".label_file." + i++;
            Path file = Path.of(p);
            if (!Files.exists(file)) {
                throw new Problem(fp, "label file " + p + " not found; create it or remove it from label_file");
            }
            try {
                labels.putAll(DotEnv.parse(Files.readString(file, StandardCharsets.UTF_8),
                        k -> labels.get(k) instanceof String v ? v : null, ctx::warn));
            } catch (IOException e) {
                throw new Problem(fp, "cannot read label file " + p + ": " + e.getMessage());
            } catch (DotEnv.DotEnvException e) {
                throw new Problem(fp, "failed to read " + p + ": " + e.getMessage());
            }
        }
        Object own = GoValues.convert("labels", s.get("labels"), path + ".labels");
        if (own instanceof Map<?, ?> m) {
            m.forEach((k, v) -> labels.put((String) k, v));
        }
        if (!labels.isEmpty()) {
            s.put("labels", new TreeMap<>(labels));
        }
        s.remove("label_file");
    }

    private static void dropUnused(Map<String, Object> dict, Map<String, Object> services) {
        Set<String> networks = new LinkedHashSet<>();
        Set<String> volumes = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> configs = new LinkedHashSet<>();
        for (Object so : services.values()) {
            Map<String, Object> s = Types.asMap(so);
            if (s == null) {
                continue;
            }
            Map<String, Object> nets = Types.asMap(s.get("networks"));
            if (nets != null) {
                networks.addAll(nets.keySet());
            }
            if (s.get("volumes") instanceof List<?> l) {
                for (Object v : l) {
                    Map<String, Object> m = Types.asMap(v);
                    if (m != null && "volume".equals(m.get("type")) && m.get("source") != null && !"".equals(m.get("source"))) {
                        volumes.add(Go.sprint(m.get("source")));
                    }
                }
            }
            sources(s.get("secrets"), secrets);
            Map<String, Object> build = Types.asMap(s.get("build"));
            if (build != null) {
                sources(build.get("secrets"), secrets);
            }
            sources(s.get("configs"), configs);
        }
        keep(dict, "networks", networks);
        keep(dict, "volumes", volumes);
        keep(dict, "secrets", secrets);
        keep(dict, "configs", configs);
    }

    private static void sources(Object list, Set<String> out) {
        if (list instanceof List<?> l) {
            for (Object x : l) {
                Map<String, Object> m = Types.asMap(x);
                if (m != null) {
                    out.add(Go.sprint(m.get("source")));
                }
            }
        }
    }

    private static void keep(Map<String, Object> dict, String key, Set<String> used) {
        Map<String, Object> res = Types.asMap(dict.get(key));
        if (res == null) {
            return;
        }
        res.keySet().retainAll(used);
        if (res.isEmpty()) {
            dict.remove(key);
        }
    }
}
