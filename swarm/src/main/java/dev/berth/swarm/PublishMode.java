package dev.berth.swarm;

import java.util.Locale;

/** How a published port is exposed: through the routing mesh on every node, or only on the task's node. */
public enum PublishMode {
    /** The routing mesh: every node answers on the published port and balances to the tasks. */
    INGRESS,
    /** Only the node running the task listens, bound straight to the task ({@code mode=host}). */
    HOST;

    /** The engine's name: {@code ingress} or {@code host}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code ingress} or {@code host}. */
    public static PublishMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown publish mode '" + s + "'; use ingress or host", e);
        }
    }
}
