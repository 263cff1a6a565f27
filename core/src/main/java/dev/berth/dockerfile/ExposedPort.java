package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A port or range of EXPOSE, e.g. {@code 80}, {@code 8000-8010/tcp} or {@code 53/udp}; {@code port} may also be a
 * variable reference such as {@code ${PORT}}. TCP is the default and is rendered without a suffix.
 */
public record ExposedPort(String port, Protocol protocol) {
    private static final Pattern NUMERIC = Pattern.compile("\\d{1,5}(-\\d{1,5})?");

    /** Requires a port number, a range {@code a-b} with {@code a <= b}, or text containing a variable reference. */
    public ExposedPort {
        requireNonNull(protocol, "protocol");
        Checks.word("EXPOSE", port);
        if (port.indexOf('/') >= 0 || (port.indexOf('$') < 0 && !NUMERIC.matcher(port).matches())) {
            throw new DockerfileValueException("EXPOSE", port, "expected a port such as 80 or a range such as 8000-8010");
        }
        if (NUMERIC.matcher(port).matches()) {
            String[] parts = port.split("-");
            int first = Integer.parseInt(parts[0]);
            int last = Integer.parseInt(parts[parts.length - 1]);
            if (first > 65535 || last > 65535 || first > last) {
                throw new DockerfileValueException("EXPOSE", port, "ports must be 0-65535 and a range must ascend");
            }
        }
    }

    /** A TCP port. */
    public static ExposedPort tcp(int port) {
        return new ExposedPort(Integer.toString(port), Protocol.TCP);
    }

    /** A UDP port. */
    public static ExposedPort udp(int port) {
        return new ExposedPort(Integer.toString(port), Protocol.UDP);
    }

    /** A range of ports {@code first-last}. */
    public static ExposedPort range(int first, int last, Protocol protocol) {
        return new ExposedPort(first + "-" + last, protocol);
    }

    /** The Dockerfile spelling, e.g. {@code 53/udp}. */
    @Override
    public String toString() {
        return protocol == Protocol.TCP ? port : port + "/" + protocol.value();
    }
}
