package dev.berth.compose.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Makes relative host paths absolute against the project directory (compose-go paths/resolve.go). */
final class PathResolver {
    private PathResolver() {
    }

    static void resolve(Map<String, Object> dict, Path workingDir) {
        Map<String, Object> services = Types.asMap(dict.get("services"));
        if (services != null) {
            for (Object s : services.values()) {
                Map<String, Object> svc = Types.asMap(s);
                if (svc != null) {
                    service(svc, workingDir);
                }
            }
        }
        for (String top : new String[]{"configs", "secrets"}) {
            Map<String, Object> res = Types.asMap(dict.get(top));
            if (res != null) {
                for (Object r : res.values()) {
                    Map<String, Object> m = Types.asMap(r);
                    if (m != null && m.get("file") instanceof String f) {
                        m.put("file", abs(f, workingDir));
                    }
                }
            }
        }
        Map<String, Object> volumes = Types.asMap(dict.get("volumes"));
        if (volumes != null) {
            for (Object v : volumes.values()) {
                Map<String, Object> m = Types.asMap(v);
                if (m == null || !"local".equals(m.get("driver"))) {
                    continue;
                }
                Map<String, Object> opts = Types.asMap(m.get("driver_opts"));
                if (opts != null && "bind".equals(opts.get("o")) && opts.get("device") instanceof String dev) {
                    opts.put("device", abs(dev, workingDir));
                }
            }
        }
    }

    private static void service(Map<String, Object> svc, Path wd) {
        Map<String, Object> build = Types.asMap(svc.get("build"));
        if (build != null) {
            if (build.get("context") instanceof String c) {
                build.put("context", context(c, wd));
            }
            Map<String, Object> add = Types.asMap(build.get("additional_contexts"));
            if (add != null) {
                add.replaceAll((k, v) -> v instanceof String s ? context(s, wd) : v);
            }
            Map<String, Object> ssh = Types.asMap(build.get("ssh"));
            if (ssh != null) {
                ssh.replaceAll((k, v) -> v instanceof String s ? abs(s, wd) : v);
            }
        }
        if (svc.get("env_file") instanceof List<?> l) {
            for (Object e : l) {
                Map<String, Object> m = Types.asMap(e);
                if (m != null && m.get("path") instanceof String p) {
                    m.put("path", abs(p, wd));
                }
            }
        }
        if (svc.get("label_file") instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> lf = (List<Object>) l;
            lf.replaceAll(x -> x instanceof String s ? abs(s, wd) : x);
        }
        Map<String, Object> ext = Types.asMap(svc.get("extends"));
        if (ext != null && ext.get("file") instanceof String f) {
            ext.put("file", abs(f, wd));
        }
        Map<String, Object> develop = Types.asMap(svc.get("develop"));
        if (develop != null && develop.get("watch") instanceof List<?> l) {
            for (Object w : l) {
                Map<String, Object> m = Types.asMap(w);
                if (m != null && m.get("path") instanceof String p) {
                    m.put("path", abs(p, wd));
                }
            }
        }
        if (svc.get("volumes") instanceof List<?> l) {
            for (Object v : l) {
                Map<String, Object> m = Types.asMap(v);
                if (m == null || !"bind".equals(m.get("type"))) {
                    continue;
                }
                if (!m.containsKey("source")) {
                    throw new Problem("", "invalid mount config for type \"bind\": field Source must not be empty");
                }
                if (m.get("source") instanceof String src) {
                    m.put("source", abs(src, wd));
                }
            }
        }
    }

    private static String context(String v, Path wd) {
        if (v.contains("://") || v.startsWith("service:")) {
            return v;
        }
        for (String prefix : new String[]{"https://", "http://", "git://", "ssh://", "github.com/", "git@"}) {
            if (v.startsWith(prefix)) {
                return v;
            }
        }
        return abs(v, wd);
    }

    static String abs(String v, Path wd) {
        v = Paths0.expandUser(v);
        if (v.isEmpty() || v.startsWith("/")) {
            return v;
        }
        if (v.length() >= 2 && Character.isLetter(v.charAt(0)) && v.charAt(1) == ':') {
            return v;
        }
        if (v.startsWith("\\\\")) {
            return v;
        }
        return join(wd.toString(), v);
    }

    /** Go's filepath.Join: join then Clean. */
    static String join(String a, String b) {
        return ShortSyntax.cleanPath(a + "/" + b);
    }
}
