package dev.berth.swarm;

import java.util.Objects;

/**
 * A secret given to a service's containers as a file under {@code /run/secrets} ({@code --secret
 * source=…,target=…,uid=…,gid=…,mode=…}).
 *
 * @param secret the secret's name
 * @param target the file name under {@code /run/secrets} (or an absolute path)
 * @param uid    owner user id
 * @param gid    owner group id
 * @param mode   permission bits, e.g. {@code 0444}
 */
public record SecretRef(String secret, String target, String uid, String gid, int mode) {
    public SecretRef {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gid, "gid");
        if (secret.isBlank() || target.isBlank()) {
            throw new IllegalArgumentException("secret and target must not be blank");
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode must be 0-07777, was " + Integer.toOctalString(mode));
        }
    }

    /** The secret at {@code /run/secrets/NAME}, owned by root, mode 0444 (the CLI's defaults). */
    public static SecretRef of(String secret) {
        return new SecretRef(secret, secret, "0", "0", 0444);
    }

    /** The same secret under another file name. */
    public SecretRef target(String target) {
        return new SecretRef(secret, target, uid, gid, mode);
    }

    /** The same with another owner. */
    public SecretRef owner(String uid, String gid) {
        return new SecretRef(secret, target, uid, gid, mode);
    }

    /** The same with other permission bits. */
    public SecretRef mode(int mode) {
        return new SecretRef(secret, target, uid, gid, mode);
    }
}
