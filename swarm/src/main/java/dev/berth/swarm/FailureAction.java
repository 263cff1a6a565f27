package dev.berth.swarm;

import java.util.Locale;

/** What the swarm does when updated tasks fail ({@code --update-failure-action}). */
public enum FailureAction {
    /** Stop the update and leave it paused (the default). */
    PAUSE,
    /** Carry on updating the other tasks. */
    CONTINUE,
    /** Roll the service back to its previous spec (update config only). */
    ROLLBACK;

    /** The engine's name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code pause}, {@code continue} or {@code rollback}. */
    public static FailureAction parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown failure action '" + s + "'; use pause, continue or rollback", e);
        }
    }
}
