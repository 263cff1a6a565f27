package dev.berth.container;

import java.util.Locale;

/** A container's lifecycle state, as {@code docker inspect .State.Status} reports it. */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

    /** Parses the engine's lower-case status. */
    public static ContainerState parse(String status) {
        return valueOf(status.trim().toUpperCase(Locale.ROOT));
    }
}
