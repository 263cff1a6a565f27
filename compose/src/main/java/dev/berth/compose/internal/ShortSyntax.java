package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Parsers for the short syntax of ports ({@code nat.ParsePortSpecs}) and volumes ({@code format.ParseVolume}). */
final class ShortSyntax {
    private ShortSyntax() {
    }

    /** Parses {@code [ip:][host:]container[/proto]} into port maps, one per container port, as compose-go does. */
    static List<Map<String, Object>> ports(String raw, String path) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        String ip = "";
        String host = "";
        if (n == 2) {
            host = parts[0];
        } else if (n == 3) {
            ip = parts[0];
            host = parts[1];
        } else if (n > 3) {
            ip = String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2));
            host = parts[n - 2];
        }
        String proto;
        String[] pp = container.split("/", -1);
        if (container.isEmpty() || pp[0].isEmpty()) {
            proto = "";
            container = "";
        } else if (pp.length == 1) {
            proto = "tcp";
        } else if (pp[1].isEmpty()) {
            proto = "tcp";
            container = pp[0];
        } else {
            proto = pp[1];
            container = pp[0];
        }
        if (!ip.isEmpty() && ip.charAt(0) == '[') {
            int close = ip.indexOf(']');
            if (close != ip.length() - 1) {
                throw new Problem(path, "invalid IP address " + ip);
            }
            ip = ip.substring(1, close);
        }
        if (!ip.isEmpty() && !Ips.isIp(ip)) {
            throw new Problem(path, "invalid IP address: " + ip);
        }
        if (container.isEmpty()) {
            throw new Problem(path, "no port specified: " + raw + "<empty>");
        }
        long[] cr = range(container);
        if (cr == null) {
            throw new Problem(path, "invalid containerPort: " + container);
        }
        long[] hr = {0, 0};
        if (!host.isEmpty()) {
            hr = range(host);
            if (hr == null) {
                throw new Problem(path, "invalid hostPort: " + host);
            }
        }
        if (!host.isEmpty() && (cr[1] - cr[0]) != (hr[1] - hr[0]) && cr[1] != cr[0]) {
            throw new Problem(path, "invalid ranges specified for container and host Ports: " + container + " and " + host);
        }
        String lp = proto.toLowerCase(java.util.Locale.ROOT);
        if (!lp.equals("tcp") && !lp.equals("udp") && !lp.equals("sctp")) {
            throw new Problem(path, "invalid proto: " + proto);
        }
        TreeMap<String, List<Map<String, Object>>> byKey = new TreeMap<>();
        for (long i = 0; i <= cr[1] - cr[0]; i++) {
            String c = Long.toString(cr[0] + i);
            String h = host;
            if (!host.isEmpty()) {
                h = Long.toString(hr[0] + i);
            }
            if (cr[0] == cr[1] && hr[0] != hr[1]) {
                h = h + "-" + hr[1];
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", "ingress");
            if (!ip.isEmpty()) {
                m.put("host_ip", ip);
            }
            m.put("target", Long.parseLong(c));
            if (!h.isEmpty()) {
                m.put("published", h);
            }
            m.put("protocol", lp);
            byKey.computeIfAbsent(c + "/" + lp, k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byKey.values().forEach(out::addAll);
        return out;
    }

    private static long[] range(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (!s.contains("-")) {
            Long v = port(s);
            return v == null ? null : new long[]{v, v};
        }
        String[] parts = s.split("-", -1);
        Long a = port(parts[0]);
        Long b = parts.length > 1 ? port(parts[1]) : null;
        if (a == null || b == null || b < a) {
            return null;
        }
        return new long[]{a, b};
    }

    private static Long port(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        long v = Long.parseLong(s);
        return v > 65535 ? null : v;
    }

    /** Parses {@code [source:]target[:options]} the way compose-go's {@code format.ParseVolume} does. */
    static Map<String, Object> volume(String spec, String path) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (spec.isEmpty()) {
            throw new Problem(path, "invalid empty volume spec");
        }
        String source = "";
        String target = "";
        boolean readOnly = false;
        Map<String, Object> bind = null;
        boolean nocopy = false;
        int len = spec.codePointCount(0, spec.length());
        if (len <= 2) {
            target = spec;
        } else {
            StringBuilder buffer = new StringBuilder();
            int[] cps = (spec + "\0").codePoints().toArray();
            for (int cp : cps) {
                boolean end = cp == 0;
                if (cp == ':' && buffer.codePointCount(0, buffer.length()) == 1 && Character.isLetter(buffer.codePointAt(0))) {
                    buffer.appendCodePoint(cp);
                } else if (cp == ':' || end) {
                    String b = buffer.toString();
                    if (b.isEmpty()) {
                        throw new Problem(path, "invalid spec: " + spec + ": empty section between colons");
                    } else if (source.isEmpty() && end) {
                        target = b;
                    } else if (source.isEmpty()) {
                        source = b;
                    } else if (target.isEmpty()) {
                        target = b;
                    } else if (cp == ':') {
                        throw new Problem(path, "invalid spec: " + spec + ": too many colons");
                    } else {
                        for (String option : b.split(",", -1)) {
                            switch (option) {
                                case "ro" -> readOnly = true;
                                case "rw" -> readOnly = false;
                                case "nocopy" -> nocopy = true;
                                case "rprivate", "private", "rshared", "shared", "rslave", "slave" -> {
                                    bind = bind == null ? new LinkedHashMap<>() : bind;
                                    bind.put("propagation", option);
                                }
                                case "z", "Z" -> {
                                    bind = bind == null ? new LinkedHashMap<>() : bind;
                                    bind.put("selinux", option);
                                }
                                default -> {
                                }
                            }
                        }
                    }
                    buffer.setLength(0);
                } else {
                    buffer.appendCodePoint(cp);
                }
            }
        }
        boolean isBind = isFilePath(source);
        v.put("type", isBind ? "bind" : "volume");
        if (!source.isEmpty()) {
            v.put("source", source);
        }
        if (!target.isEmpty()) {
            v.put("target", target);
        }
        if (readOnly) {
            v.put("read_only", true);
        }
        if (isBind) {
            bind = bind == null ? new LinkedHashMap<>() : bind;
            bind.put("create_host_path", true);
        }
        if (bind != null) {
            v.put("bind", bind);
        }
        if (!isBind || nocopy) {
            Map<String, Object> vol = new LinkedHashMap<>();
            if (nocopy) {
                vol.put("nocopy", true);
            }
            v.put("volume", vol);
        }
        return v;
    }

    static boolean isFilePath(String source) {
        if (source.isEmpty()) {
            return false;
        }
        char c = source.charAt(0);
        if (c == '.' || c == '/' || c == '~') {
            return true;
        }
        if (source.startsWith("\\\\")) {
            return true;
        }
        int first = source.codePointAt(0);
        int next = Character.charCount(first);
        if (source.length() <= next) {
            return false;
        }
        return source.charAt(next) == ':' && Character.isLetter(first);
    }

    /** Go's path.Clean for slash-separated paths. */
    static String cleanPath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(s);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
