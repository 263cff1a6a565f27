package dev.berth.network.internal;

import dev.berth.network.IpamPool;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address and CIDR parsing without name lookups, and the docker CLI's IPAM flag consolidation. */
public final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Addresses() {
    }

    /** The bytes of an IPv4 or IPv6 literal; never resolves a host name. */
    public static byte[] parse(String ip) {
        var m = IPV4.matcher(ip);
        if (m.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(m.group(i + 1));
                if (v > 255) {
                    throw new IllegalArgumentException("Invalid IP address '" + ip + "'");
                }
                b[i] = (byte) v;
            }
            return b;
        }
        if (ip.contains(":") && ip.matches("[0-9A-Fa-f:.]+")) {
            try {
                return InetAddress.getByName(ip).getAddress(); // a literal with ':' is parsed, never looked up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Invalid IP address '" + ip + "'", e);
            }
        }
        throw new IllegalArgumentException("Invalid IP address '" + ip + "'; expected an IPv4 or IPv6 literal");
    }

    /** Checks an address literal, quoting it and the flag it came from when invalid. */
    public static void checkIp(String ip, String what) {
        try {
            parse(ip);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + what + " '" + ip + "'; expected an IP address such as"
                    + " 10.0.0.1 or fd00::1", e);
        }
    }

    /** Checks a CIDR, quoting it and the flag it came from when invalid. */
    public static void checkCidr(String cidr, String what) {
        try {
            prefix(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + what + " '" + cidr + "'; expected CIDR notation such as"
                    + " 10.0.0.0/24 or fd00::/64", e);
        }
    }

    private static int prefix(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no prefix length");
        }
        int bits = parse(cidr.substring(0, slash)).length * 8;
        int p;
        try {
            p = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length", e);
        }
        if (p < 0 || p > bits) {
            throw new IllegalArgumentException("prefix length out of range");
        }
        return p;
    }

    /** Whether the address (or the first address of a CIDR) lies in the subnet, as the docker CLI's subnetMatches. */
    public static boolean contains(String subnet, String ipOrCidr) {
        int p = prefix(subnet);
        byte[] net = parse(subnet.substring(0, subnet.indexOf('/')));
        String ip = ipOrCidr.contains("/") ? ipOrCidr.substring(0, ipOrCidr.indexOf('/')) : ipOrCidr;
        byte[] a = parse(ip);
        if (a.length != net.length) {
            return false;
        }
        for (int bit = 0; bit < p; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((net[bit / 8] & mask) != (a[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Groups {@code --subnet}, {@code --ip-range}, {@code --gateway} and {@code --aux-address} values into pools the way
     * {@code docker network create} does: each range, gateway and aux address goes to the subnet containing it.
     *
     * @throws IllegalArgumentException with the docker CLI's reason when they do not fit together
     */
    public static List<IpamPool> consolidate(List<String> subnets, List<String> ranges, List<String> gateways,
                                             Map<String, String> aux) {
        if (subnets.size() < ranges.size() || subnets.size() < gateways.size()) {
            throw new IllegalArgumentException("every ip-range or gateway must have a corresponding subnet");
        }
        Map<String, String[]> data = new LinkedHashMap<>(); // subnet → {range, gateway}
        Map<String, Map<String, String>> auxBySubnet = new LinkedHashMap<>();
        for (String s : subnets) {
            for (String k : data.keySet()) {
                if (contains(s, k) || contains(k, s)) {
                    throw new IllegalArgumentException("multiple overlapping subnet configuration is not supported ("
                            + k + ", " + s + ")");
                }
            }
            data.put(s, new String[2]);
            auxBySubnet.put(s, new LinkedHashMap<>());
        }
        assign(data, ranges, 0, "range", "ranges", "on");
        assign(data, gateways, 1, "gateway", "gateways", "for");
        aux.forEach((name, ip) -> {
            boolean match = false;
            for (String s : subnets) {
                if (contains(s, ip)) {
                    auxBySubnet.get(s).put(name, ip);
                    match = true;
                }
            }
            if (!match) {
                throw new IllegalArgumentException("no matching subnet for aux-address " + ip);
            }
        });
        List<IpamPool> out = new ArrayList<>();
        data.forEach((s, v) -> out.add(new IpamPool(s, Optional.ofNullable(v[0]), Optional.ofNullable(v[1]),
                auxBySubnet.get(s))));
        return out;
    }

    private static void assign(Map<String, String[]> data, List<String> values, int slot, String what, String plural,
                               String preposition) {
        for (String v : values) {
            boolean match = false;
            for (Map.Entry<String, String[]> e : data.entrySet()) {
                if (!contains(e.getKey(), v)) {
                    continue;
                }
                if (e.getValue()[slot] != null) {
                    throw new IllegalArgumentException("cannot configure multiple " + plural + " (" + v + ", "
                            + e.getValue()[slot] + ") " + preposition + " the same subnet (" + e.getKey() + ")");
                }
                e.getValue()[slot] = v;
                match = true;
            }
            if (!match) {
                throw new IllegalArgumentException("no matching subnet for " + what + " " + v);
            }
        }
    }
}
