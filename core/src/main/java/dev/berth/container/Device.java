package dev.berth.container;

import java.util.Objects;

/**
 * A host device made available in the container ({@code --device /dev/fuse:/dev/fuse:rwm}).
 *
 * @param pathOnHost      the device on the host
 * @param pathInContainer where it appears in the container
 * @param permissions     cgroup permissions: any of {@code r}, {@code w}, {@code m}
 */
public record Device(String pathOnHost, String pathInContainer, String permissions) {
    public Device {
        Objects.requireNonNull(pathOnHost, "pathOnHost");
        Objects.requireNonNull(pathInContainer, "pathInContainer");
        Objects.requireNonNull(permissions, "permissions");
        if (pathOnHost.isEmpty() || !permissions.matches("[rwm]{1,3}")) {
            throw new IllegalArgumentException("Invalid device " + pathOnHost + ":" + pathInContainer + ":"
                    + permissions + "; use HOST_PATH[:CONTAINER_PATH][:PERMISSIONS] with permissions of r, w, m");
        }
    }

    /** Parses {@code --device} syntax: {@code HOST[:CONTAINER][:PERMISSIONS]}, permissions {@code rwm} by default. */
    public static Device parse(String spec) {
        String[] p = Objects.requireNonNull(spec, "spec").split(":", -1);
        return switch (p.length) {
            case 1 -> new Device(p[0], p[0], "rwm");
            case 2 -> p[1].matches("[rwm]{1,3}") ? new Device(p[0], p[0], p[1]) : new Device(p[0], p[1], "rwm");
            case 3 -> new Device(p[0], p[1], p[2]);
            default -> throw new IllegalArgumentException("Invalid device '" + spec
                    + "'; use HOST_PATH[:CONTAINER_PATH][:PERMISSIONS]");
        };
    }
}
