package dev.berth.swarm;

import java.util.Locale;

/** A node's role: workers run tasks, managers also run the cluster (raft) and answer the API. */
public enum NodeRole {
    WORKER, MANAGER;

    /** The engine's name, e.g. {@code worker}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the engine's name, any case. */
    public static NodeRole parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown node role '" + s + "'; use one of "
                    + java.util.Arrays.toString(values()), e);
        }
    }
}
