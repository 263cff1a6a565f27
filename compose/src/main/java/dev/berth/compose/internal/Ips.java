package dev.berth.compose.internal;

/** IP literal checks like Go's net.ParseIP, without any name lookup. */
final class Ips {
    private Ips() {
    }

    static boolean isIp(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        if (!s.contains(":") || s.contains("%")) {
            return false;
        }
        String body = s;
        int groupsNeeded = 8;
        int lastColon = s.lastIndexOf(':');
        if (s.substring(lastColon + 1).contains(".")) {
            if (!isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            body = s.substring(0, lastColon + 1) + "0:0";
        }
        int dbl = body.indexOf("::");
        if (dbl != body.lastIndexOf("::")) {
            return false;
        }
        String[] groups = body.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (g.length() > 4) {
                return false;
            }
            for (int j = 0; j < g.length(); j++) {
                if (Character.digit(g.charAt(j), 16) < 0) {
                    return false;
                }
            }
            count++;
        }
        if (dbl < 0) {
            return count == groupsNeeded && groups.length == 8;
        }
        return count < groupsNeeded;
    }
}
