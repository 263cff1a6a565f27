package dev.berth.swarm;

import java.util.Objects;

/** A resource limit of the containers ({@code --ulimit nofile=1024:2048}). */
public record Ulimit(String name, long soft, long hard) {
    public Ulimit {
        Objects.requireNonNull(name, "name");
        if (soft > hard && hard >= 0) {
            throw new IllegalArgumentException("ulimit " + name + ": soft limit " + soft + " exceeds hard limit " + hard);
        }
    }
}
