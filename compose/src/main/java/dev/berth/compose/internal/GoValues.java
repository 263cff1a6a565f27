package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts tree values into what compose-go's custom types marshal to ({@code DecodeMapstructure} then
 * {@code MarshalJSON}); returns null for Go's zero value.
 */
final class GoValues {
    private GoValues() {
    }

    static boolean isZero(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Long l) {
            return l == 0;
        }
        if (v instanceof Float f) {
            return f == 0f;
        }
        if (v instanceof Double d) {
            return d == 0d;
        }
        if (v instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return l.isEmpty();
        }
        return false;
    }

    static Object zero(String kind) {
        return switch (kind) {
            case "str" -> "";
            case "bool" -> Boolean.FALSE;
            case "int" -> 0L;
            case "bytes" -> "0";
            default -> null;
        };
    }

    static Object convert(String kind, Object raw, String path) {
        return convert(kind, raw, (Object) path);
    }

    /** As {@link #convert(String, Object, String)}, with a path whose {@code toString()} is called only on error. */
    static Object convert(String kind, Object raw, Object path) {
        try {
            return doConvert(kind, raw);
        } catch (IllegalArgumentException e) {
            String p = path == null ? null : path.toString();
            throw new Problem(p, p + ": " + e.getMessage());
        }
    }

    private static Object doConvert(String kind, Object raw) {
        switch (kind) {
            case "str":
                return raw == null ? null : raw instanceof String s ? s : Go.sprint(raw);
            case "bool", "boolp":
                if (raw == null) {
                    return null;
                }
                if (raw instanceof Boolean b) {
                    return b;
                }
                return Interpolator.toBoolean(Go.sprint(raw), w -> { });
            case "int", "intp":
                return raw == null ? null : toLong(raw);
            case "f32", "nanocpus":
                return raw == null ? null : (Object) (float) toDouble(raw);
            case "f64":
                return raw == null ? null : (Object) toDouble(raw);
            case "dur", "durp":
                if (raw == null) {
                    return null;
                }
                long d = dev.berth.internal.GoDuration.parseNanos(Go.sprint(raw));
                if ("dur".equals(kind) && d == 0) {
                    return null;
                }
                return dev.berth.internal.GoDuration.format(d);
            case "bytes": {
                if (raw == null) {
                    return null;
                }
                long b = raw instanceof Long l ? l : raw instanceof String s ? Units.ramInBytes(s) : 0L;
                return b == 0 ? null : Long.toString(b);
            }
            case "strlist", "numlist":
                if (raw instanceof String s) {
                    return new ArrayList<>(List.of(s));
                }
                if (raw instanceof List<?> l) {
                    List<Object> out = new ArrayList<>();
                    for (Object x : l) {
                        out.add(x instanceof String s ? s : Go.sprint(x));
                    }
                    return out;
                }
                return null;
            case "mapping", "labels", "options":
                return mapping(raw, false);
            case "mwe":
                return mapping(raw, true);
            case "cmd":
                if (raw == null) {
                    return null;
                }
                if (raw instanceof String s) {
                    return new ArrayList<Object>(ShellWords.parse(s));
                }
                if (raw instanceof List<?> l) {
                    List<Object> out = new ArrayList<>();
                    for (Object x : l) {
                        out.add(Go.sprint(x));
                    }
                    return out;
                }
                return null;
            case "hctest":
                if (raw instanceof String s) {
                    return new ArrayList<Object>(List.of("CMD-SHELL", s));
                }
                return doConvert("strlist", raw);
            case "devcount":
                if (raw == null) {
                    return null;
                }
                if (raw instanceof String s) {
                    if (s.equalsIgnoreCase("all")) {
                        return -1L;
                    }
                    try {
                        return Long.parseLong(s);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid value \"" + s + "\", the only value allowed is 'all' or a number");
                    }
                }
                return toLong(raw);
            case "hosts":
                return hosts(raw);
            case "ulimits":
                return ulimits(raw);
            case "envfiles":
                return envFiles(raw);
            case "ssh":
                return ssh(raw);
            default:
                return raw;
        }
    }

    static long toLong(Object raw) {
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof Double d) {
            return d.longValue();
        }
        if (raw instanceof Boolean) {
            throw new IllegalArgumentException("expected a number, got a boolean");
        }
        try {
            return Long.parseLong(Go.sprint(raw));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got \"" + Go.sprint(raw) + "\"");
        }
    }

    static double toDouble(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Interpolator.parseFloat(Go.sprint(raw));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got \"" + Go.sprint(raw) + "\"");
        }
    }

    private static Map<String, Object> mapping(Object raw, boolean keepNull) {
        Map<String, Object> out = new TreeMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put((String) k, v == null ? (keepNull ? null : "") : Go.sprint(v)));
        } else if (raw instanceof List<?> l) {
            for (Object x : l) {
                String s = Go.sprint(x);
                int eq = s.indexOf('=');
                if (eq < 0) {
                    out.put(s, keepNull ? null : "");
                } else {
                    out.put(s.substring(0, eq), s.substring(eq + 1));
                }
            }
        } else {
            return null;
        }
        return out.isEmpty() ? null : out;
    }

    private static List<Object> hosts(Object raw) {
        Map<String, List<String>> list = new TreeMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                List<String> ips = new ArrayList<>();
                if (v instanceof List<?> l) {
                    l.forEach(x -> ips.add(Go.sprint(x)));
                } else {
                    ips.add(v == null ? "" : Go.sprint(v));
                }
                list.put((String) k, ips);
            });
        } else if (raw instanceof List<?> l) {
            for (Object x : l) {
                String s = Go.sprint(x);
                int eq = s.indexOf('=');
                int colon = s.indexOf(':');
                int sep = eq >= 0 ? eq : colon;
                if (sep < 0) {
                    throw new IllegalArgumentException("invalid additional host, missing IP: " + s);
                }
                String host = s.substring(0, sep);
                for (String ip : s.substring(sep + 1).split(",", -1)) {
                    list.computeIfAbsent(host, h -> new ArrayList<>()).add(ip);
                }
            }
        } else {
            return null;
        }
        List<String> out = new ArrayList<>();
        list.forEach((host, ips) -> {
            if (host.isEmpty() || host.contains(":") || host.contains("=")) {
                throw new IllegalArgumentException("bad host name '" + host + "'");
            }
            for (String ip : ips) {
                if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
                    ip = ip.substring(1, ip.length() - 1);
                }
                out.add(host + "=" + ip);
            }
        });
        java.util.Collections.sort(out);
        return out.isEmpty() ? null : new ArrayList<>(out);
    }

    private static Map<String, Object> ulimits(Object raw) {
        Map<String, Object> m = Types.asMap(raw);
        if (m == null || m.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> lim) {
                Map<String, Object> o = new java.util.LinkedHashMap<>();
                Object single = lim.get("single");
                if (single != null && toLong(single) != 0) {
                    out.put(k, toLong(single));
                    return;
                }
                long soft = lim.get("soft") == null ? 0 : toLong(lim.get("soft"));
                long hard = lim.get("hard") == null ? 0 : toLong(lim.get("hard"));
                if (soft != 0) {
                    o.put("soft", soft);
                }
                if (hard != 0) {
                    o.put("hard", hard);
                }
                out.put(k, o);
            } else if (v == null) {
                out.put(k, null);
            } else {
                out.put(k, toLong(v));
            }
        });
        return out;
    }

    private static List<Object> envFiles(Object raw) {
        List<Object> l = Types.asList(raw);
        if (l == null || l.isEmpty()) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Object x : l) {
            Map<String, Object> m = Types.asMap(x);
            if (m == null) {
                out.add(Go.sprint(x));
                continue;
            }
            boolean required = !Boolean.FALSE.equals(m.get("required"));
            if (required) {
                out.add(Go.sprint(m.get("path")));
            } else {
                Map<String, Object> o = new java.util.LinkedHashMap<>();
                o.put("path", Go.sprint(m.get("path")));
                o.put("required", false);
                if (m.get("format") != null) {
                    o.put("format", m.get("format"));
                }
                out.add(o);
            }
        }
        return out;
    }

    private static List<Object> ssh(Object raw) {
        Map<String, Object> m = Types.asMap(raw);
        if (m == null || m.isEmpty()) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        new TreeMap<>(m).forEach((id, path) -> out.add(path == null ? id : id + "=" + Go.sprint(path)));
        return out;
    }
}
