package dev.berth.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A container port declared as exposed ({@code --expose 80/tcp}), without publishing it. */
public record ExposedPort(int port, Protocol protocol) {
    public ExposedPort {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
    }

    /** Parses {@code 80} or {@code 53/udp}. */
    public static ExposedPort parse(String s) {
        int slash = s.indexOf('/');
        try {
            int port = Integer.parseInt(slash < 0 ? s.trim() : s.substring(0, slash).trim());
            return new ExposedPort(port, slash < 0 ? Protocol.TCP : Protocol.parse(s.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid exposed port '" + s + "'; use PORT or PORT/PROTOCOL", e);
        }
    }

    /** Parses {@code 80}, {@code 53/udp} or a range such as {@code 8000-8010/tcp}, one port each ({@code --expose}). */
    public static List<ExposedPort> parseRange(String s) {
        String ports = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
        String proto = s.contains("/") ? s.substring(s.indexOf('/')) : "";
        int dash = ports.indexOf('-');
        if (dash < 0) {
            return List.of(parse(s));
        }
        ExposedPort first = parse(ports.substring(0, dash) + proto);
        ExposedPort last = parse(ports.substring(dash + 1) + proto);
        if (last.port < first.port) {
            throw new IllegalArgumentException("Invalid exposed port range '" + s + "': it ends before it starts");
        }
        List<ExposedPort> out = new ArrayList<>();
        for (int p = first.port; p <= last.port; p++) {
            out.add(new ExposedPort(p, first.protocol));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return port + "/" + protocol.wireName();
    }
}
