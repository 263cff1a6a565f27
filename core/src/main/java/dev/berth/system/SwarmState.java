package dev.berth.system;

import java.util.Locale;

/** The engine's place in a swarm, as {@code docker info} shows under Swarm. */
public enum SwarmState {
    /** Not part of a swarm. */
    INACTIVE,
    /** Joining a swarm. */
    PENDING,
    /** A member of a swarm. */
    ACTIVE,
    /** Swarm mode failed; see the info's error. */
    ERROR,
    /** A member whose swarm is locked until {@code docker swarm unlock}. */
    LOCKED,
    /** A state this Berth version does not know. */
    UNKNOWN;

    /** The state for the engine's {@code LocalNodeState} value; unknown values give {@link #UNKNOWN}. */
    public static SwarmState parse(String value) {
        if (value == null || value.isEmpty()) {
            return INACTIVE;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
