package dev.berth;

/** The labels Berth puts on everything it creates, so it can find and remove its own resources. */
public final class Labels {
    /** Present ({@code true}) on every container, network, volume and image Berth creates. */
    public static final String MANAGED = "dev.berth.managed";
    /** The id of the {@link Engine} session that created the resource. */
    public static final String SESSION = "dev.berth.session";

    private Labels() {
    }
}
