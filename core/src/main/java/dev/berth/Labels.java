package dev.berth;

/** The labels Berth puts on everything it creates, so it can find and remove its own resources. */
public final class Labels {
    /** Present ({@code true}) on every container, network, volume and image Berth creates. */
    public static final String MANAGED = "dev.berth.managed";
    /** The id of the {@link Engine} session that created the resource. */
    public static final String SESSION = "dev.berth.session";

    /**
     * On a session's heartbeat volume ({@link Engine#startHeartbeat()}): how long, in whole seconds counted by the
     * engine's clock from the volume's creation, the session counts as live without a newer heartbeat.
     */
    public static final String LEASE = "dev.berth.lease";
    /**
     * On a session's heartbeat volume: the process that holds the session, as {@code BOOT_ID/PID_NAMESPACE/PID/START}
     * from Linux's {@code /proc}, so a reader in the same PID namespace can tell at once whether it still runs.
     */
    public static final String LEASE_PROCESS = "dev.berth.lease.process";
    /**
     * The spec hash of a reusable resource: one that outlives the session that created it and is found again by the
     * next session asking for an equal spec. Reusable resources carry the session {@code reuse-<hash>}, which has no
     * heartbeat, so they are never reaped.
     */
    public static final String REUSE = "dev.berth.reuse";
    /** On a lock volume: the token of the holder, which created the volume first. */
    public static final String LOCK = "dev.berth.lock";

    /**
     * On a container: the comma-separated names of its environment variables whose values are secret
     * ({@link dev.berth.container.ContainerSpec.Builder#secretEnv}), so that {@link dev.berth.container.ContainerInfo}
     * masks them too.
     */
    public static final String SECRET_ENV = "dev.berth.secret-env";

    /** The prefix of Berth's own labels; a user's label may not start with it. */
    public static final String RESERVED_PREFIX = "dev.berth.";

    private Labels() {
    }

    /**
     * Puts a user's label into {@code labels}, refusing null keys or values and keys under {@link #RESERVED_PREFIX}
     * (Berth's own bookkeeping).
     *
     * @throws IllegalArgumentException if the key is reserved
     */
    public static void putUserLabel(java.util.Map<String, String> labels, String key, String value) {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(value, "value");
        if (key.startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("Label '" + key + "' is reserved for Berth's own bookkeeping");
        }
        labels.put(key, value);
    }
}
