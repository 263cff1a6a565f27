package dev.berth.container;

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

    @Override
    public String toString() {
        return port + "/" + protocol.wireName();
    }
}
