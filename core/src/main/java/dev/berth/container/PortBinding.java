package dev.berth.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One published port, as {@code docker run -p [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]}.
 *
 * @param hostIp        the host address to bind, or empty for all addresses
 * @param hostPort      the host port, or 0 for a random free port chosen by the engine
 * @param containerPort the port inside the container
 * @param protocol      tcp, udp or sctp
 * @param hostPortEnd   the last port of a host port range the engine picks one free port from
 *                      ({@code -p 8000-8010:80}), or 0 for the single {@code hostPort}
 */
public record PortBinding(String hostIp, int hostPort, int containerPort, Protocol protocol, int hostPortEnd) {

    public PortBinding {
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(protocol, "protocol");
        checkPort(hostPort, true, "host port");
        checkPort(containerPort, false, "container port");
        if (hostPortEnd != 0 && (hostPort == 0 || hostPortEnd <= hostPort || hostPortEnd > 65535)) {
            throw new IllegalArgumentException("host port range " + hostPort + "-" + hostPortEnd + " is not a range"
                    + " of ports 1-65535");
        }
    }

    /** Publishes a container port on one host port (0 for random). */
    public PortBinding(String hostIp, int hostPort, int containerPort, Protocol protocol) {
        this(hostIp, hostPort, containerPort, protocol, 0);
    }

    /** Publishes a container port on the given host port (0 for random) on all host addresses, over TCP. */
    public static PortBinding of(int hostPort, int containerPort) {
        return new PortBinding("", hostPort, containerPort, Protocol.TCP);
    }

    /** Publishes a container TCP port on a random host port. */
    public static PortBinding random(int containerPort) {
        return new PortBinding("", 0, containerPort, Protocol.TCP);
    }

    /** The same binding over another protocol. */
    public PortBinding withProtocol(Protocol p) {
        return new PortBinding(hostIp, hostPort, containerPort, p, hostPortEnd);
    }

    /** The same binding on one host address, e.g. {@code 127.0.0.1}. */
    public PortBinding onHostIp(String ip) {
        return new PortBinding(ip, hostPort, containerPort, protocol, hostPortEnd);
    }

    /** The engine's {@code HostPort}: the port, a range {@code FIRST-LAST}, or empty for a random port. */
    public String hostPortSpec() {
        return hostPort == 0 ? "" : hostPortEnd == 0 ? Integer.toString(hostPort) : hostPort + "-" + hostPortEnd;
    }

    /**
     * Parses the {@code -p} syntax: {@code 80}, {@code 8080:80}, {@code 127.0.0.1:8080:80}, {@code 127.0.0.1::80},
     * {@code 53:53/udp}, {@code [::1]:8080:80} and ranges such as {@code 8000-8001:80-81}, which give one binding
     * per port; a host range for one container port ({@code 8000-8010:80}) gives one binding the engine gives any
     * free port of the range, as the docker CLI does.
     */
    public static List<PortBinding> parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.trim();
        Protocol protocol = Protocol.TCP;
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            protocol = Protocol.parse(s.substring(slash + 1));
            s = s.substring(0, slash);
        }
        String ip = "";
        if (s.startsWith("[")) {
            int close = s.indexOf("]:");
            if (close < 0) {
                throw bad(spec, "an IPv6 host address must be written as [ADDR]:HOST_PORT:CONTAINER_PORT");
            }
            ip = s.substring(1, close);
            s = s.substring(close + 2);
            if (!s.contains(":")) {
                throw bad(spec, "expected [ADDR]:HOST_PORT:CONTAINER_PORT");
            }
        }
        String[] parts = s.split(":", -1);
        String host;
        String container;
        switch (parts.length) {
            case 1 -> { host = ""; container = parts[0]; }
            case 2 -> { host = parts[0]; container = parts[1]; }
            case 3 -> {
                if (!ip.isEmpty()) {
                    throw bad(spec, "too many colons");
                }
                ip = parts[0]; host = parts[1]; container = parts[2];
            }
            default -> throw bad(spec, "too many colons; IPv6 addresses go in brackets");
        }
        int[] c = range(spec, container, false);
        int[] h = host.isEmpty() ? null : range(spec, host, true);
        int count = c[1] - c[0] + 1;
        if (h != null && count == 1 && h[1] > h[0]) {
            return List.of(new PortBinding(ip, h[0], c[0], protocol, h[1]));
        }
        if (h != null && h[1] - h[0] + 1 != count && h[0] != h[1]) {
            throw bad(spec, "host and container port ranges differ in size");
        }
        List<PortBinding> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int hp = h == null ? 0 : (h[0] == h[1] ? h[0] : h[0] + i);
            out.add(new PortBinding(ip, hp, c[0] + i, protocol));
        }
        return List.copyOf(out);
    }

    /** Renders this binding in {@code -p} syntax. */
    @Override
    public String toString() {
        String ip = hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
        String host = hostPortSpec();
        String prefix = ip.isEmpty() ? (host.isEmpty() ? "" : host + ":") : ip + ":" + host + ":";
        return prefix + containerPort + "/" + protocol.wireName();
    }

    private static int[] range(String spec, String text, boolean host) {
        try {
            int dash = text.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(text.substring(dash + 1));
            if (hi < lo) {
                throw bad(spec, "port range " + text + " ends before it starts");
            }
            checkPort(lo, host, host ? "host port" : "container port");
            checkPort(hi, host, host ? "host port" : "container port");
            return new int[] {lo, hi};
        } catch (NumberFormatException e) {
            throw bad(spec, "'" + text + "' is not a port number");
        }
    }

    private static void checkPort(int port, boolean zeroAllowed, String what) {
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException(what + " " + port + " is out of range 1-65535");
        }
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("Invalid port publication '" + spec + "': " + why);
    }
}
