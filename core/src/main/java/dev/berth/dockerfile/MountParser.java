package dev.berth.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads a {@code --mount} value (comma-separated {@code key=value} fields) into a typed {@link Mount}. */
final class MountParser {
    private static final Map<String, String> ALIASES = Map.of("src", "source", "dst", "target",
            "destination", "target", "ro", "readonly", "rw", "readwrite");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "bind", Set.of("target", "source", "from", "readonly", "readwrite"),
            "cache", Set.of("target", "id", "sharing", "from", "source", "mode", "uid", "gid", "readonly",
                    "readwrite"),
            "tmpfs", Set.of("target", "size"),
            "secret", Set.of("id", "target", "env", "required", "mode", "uid", "gid"),
            "ssh", Set.of("id", "target", "required", "mode", "uid", "gid"));
    private static final Set<String> BOOLEANS = Set.of("readonly", "readwrite", "required");

    private MountParser() {}

    static Mount parse(String value, Function<String, DockerfileParseException> error) {
        Map<String, String> o = new HashMap<>();
        String type = "bind";
        for (String field : csv(value, error)) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(java.util.Locale.ROOT);
            key = ALIASES.getOrDefault(key, key);
            String v = eq < 0 ? null : field.substring(eq + 1);
            if (v == null && !BOOLEANS.contains(key)) {
                throw error.apply("invalid field '" + field + "' in --mount: must be a key=value pair");
            }
            if (key.equals("type")) {
                type = v;
                if (!ALLOWED.containsKey(type)) {
                    throw error.apply("unsupported mount type \"" + v + "\" (bind, cache, tmpfs, secret or ssh)");
                }
                continue;
            }
            if (BOOLEANS.contains(key)) {
                if (v == null || v.equalsIgnoreCase("true")) {
                    v = "true";
                } else if (v.equalsIgnoreCase("false")) {
                    v = "false";
                } else {
                    throw error.apply("invalid value for " + key + ": " + v);
                }
            }
            o.put(key, v);
        }
        for (String key : o.keySet()) {
            if (!ALLOWED.get(type).contains(key)) {
                throw error.apply("unexpected key '" + key + "' for mount type '" + type + "'");
            }
        }
        boolean readonly = "true".equals(o.get("readonly")) && !"true".equals(o.get("readwrite"));
        switch (type) {
            case "cache" -> {
                String sharing = o.get("sharing");
                Optional<Mount.Sharing> mode = Optional.empty();
                if (sharing != null) {
                    try {
                        mode = Optional.of(Mount.Sharing.valueOf(sharing.toUpperCase(java.util.Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw error.apply("unsupported sharing value \"" + sharing + "\" (shared, private, locked)");
                    }
                }
                return new Mount.Cache(target(o, error), opt(o, "id"), mode, opt(o, "from"), opt(o, "source"),
                        opt(o, "mode"), opt(o, "uid"), opt(o, "gid"), readonly);
            }
            case "tmpfs" -> {
                return new Mount.Tmpfs(target(o, error), opt(o, "size"));
            }
            case "secret" -> {
                return new Mount.Secret(opt(o, "id"), opt(o, "target"), opt(o, "env"),
                        "true".equals(o.get("required")), opt(o, "mode"), opt(o, "uid"), opt(o, "gid"));
            }
            case "ssh" -> {
                return new Mount.Ssh(opt(o, "id"), opt(o, "target"), "true".equals(o.get("required")),
                        opt(o, "mode"), opt(o, "uid"), opt(o, "gid"));
            }
            default -> {
                boolean rw = "true".equals(o.get("readwrite")) && !"true".equals(o.get("readonly"));
                return new Mount.Bind(target(o, error), opt(o, "source"), opt(o, "from"), rw);
            }
        }
    }

    private static String target(Map<String, String> o, Function<String, DockerfileParseException> error) {
        String t = o.get("target");
        if (t == null || t.isEmpty()) {
            throw error.apply("--mount needs a target");
        }
        return t;
    }

    private static Optional<String> opt(Map<String, String> o, String key) {
        return Optional.ofNullable(o.get(key));
    }

    /** Splits a CSV record: commas separate fields, double quotes protect commas, {@code ""} is a quote. */
    private static List<String> csv(String s, Function<String, DockerfileParseException> error) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw error.apply("unterminated quote in --mount value " + s);
        }
        out.add(field.toString());
        return out;
    }
}
