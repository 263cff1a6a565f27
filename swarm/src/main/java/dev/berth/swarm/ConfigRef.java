package dev.berth.swarm;

import java.util.Objects;

/**
 * A config given to a service's containers as a file ({@code --config source=…,target=…,uid=…,gid=…,mode=…}).
 *
 * @param config the config's name
 * @param target the file's path in the container; a relative name lands in {@code /}
 * @param uid    owner user id
 * @param gid    owner group id
 * @param mode   permission bits, e.g. {@code 0444}
 */
public record ConfigRef(String config, String target, String uid, String gid, int mode) {
    public ConfigRef {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gid, "gid");
        if (config.isBlank() || target.isBlank()) {
            throw new IllegalArgumentException("config and target must not be blank");
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode must be 0-07777, was " + Integer.toOctalString(mode));
        }
    }

    /** The config at {@code /NAME}, owned by root, mode 0444 (the CLI's defaults). */
    public static ConfigRef of(String config) {
        return new ConfigRef(config, config, "0", "0", 0444);
    }

    /** The config at {@code target}, owned by root, mode 0444. */
    public static ConfigRef of(String config, String target) {
        return new ConfigRef(config, target, "0", "0", 0444);
    }

    /** The same with another owner. */
    public ConfigRef owner(String uid, String gid) {
        return new ConfigRef(config, target, uid, gid, mode);
    }

    /** The same with other permission bits. */
    public ConfigRef mode(int mode) {
        return new ConfigRef(config, target, uid, gid, mode);
    }
}
