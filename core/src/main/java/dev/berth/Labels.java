package dev.berth;

/** The labels Berth puts on everything it creates, so it can find and remove its own resources. */
public final class Labels {
    /** Present ({@code true}) on every container, network, volume and image Berth creates. */
    public static final String MANAGED = "dev.berth.managed";
    /** The id of the {@link Engine} session that created the resource. */
    public static final String SESSION = "dev.berth.session";

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
