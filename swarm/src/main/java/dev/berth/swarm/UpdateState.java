package dev.berth.swarm;

import java.util.Locale;

/** The state of a service's rolling update or rollback. */
public enum UpdateState {
    UPDATING, PAUSED, COMPLETED, ROLLBACK_STARTED, ROLLBACK_PAUSED, ROLLBACK_COMPLETED,
    /** A state this version of Berth does not know. */
    UNKNOWN;

    /** The engine's name, e.g. {@code rollback_completed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the engine's name; unknown names give {@link #UNKNOWN}. */
    public static UpdateState parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Whether an update or rollback is still rolling out. */
    public boolean inProgress() {
        return this == UPDATING || this == ROLLBACK_STARTED;
    }
}
