package dev.berth.container;

import java.util.Objects;

/**
 * A resource limit of the container's processes ({@code --ulimit nofile=1024:2048}).
 *
 * @param name the limit's name without {@code RLIMIT_}, e.g. {@code nofile}, {@code nproc}
 * @param soft the soft limit
 * @param hard the hard limit, at least the soft one
 */
public record Ulimit(String name, long soft, long hard) {
    public Ulimit {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z]+")) {
            throw new IllegalArgumentException("Invalid ulimit name '" + name + "'; use a name such as nofile");
        }
        if (soft > hard && hard >= 0) {
            throw new IllegalArgumentException("ulimit " + name + ": soft limit " + soft
                    + " is above the hard limit " + hard);
        }
    }
}
