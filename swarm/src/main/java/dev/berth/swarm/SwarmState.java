package dev.berth.swarm;

import java.util.Locale;

/** The engine's local swarm state, as {@code docker info} shows it under "Swarm". */
public enum SwarmState {
    /** Swarm mode is off. */
    INACTIVE,
    /** Joining or leaving. */
    PENDING,
    /** Part of a swarm. */
    ACTIVE,
    /** Swarm mode failed; see {@link SwarmInfo#error()}. */
    ERROR,
    /** A manager restarted with autolock and waits for its unlock key. */
    LOCKED;

    /** Parses the engine's name; unknown names give {@link #ERROR}. */
    public static SwarmState parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ERROR;
        }
    }
}
