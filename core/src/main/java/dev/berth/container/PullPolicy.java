package dev.berth.container;

/** When {@code run}/{@code create} pulls the image, as {@code docker run --pull}. */
public enum PullPolicy {
    /** Pull only when the image is not present locally (the default). */
    MISSING,
    /** Always pull before creating the container. */
    ALWAYS,
    /** Never pull; fail if the image is not present locally. */
    NEVER
}
