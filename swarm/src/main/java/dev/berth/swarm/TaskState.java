package dev.berth.swarm;

import java.util.Locale;

/** The life cycle of a task, in the order a task goes through it ({@code docker service ps}, CURRENT STATE). */
public enum TaskState {
    NEW, ALLOCATED, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING, RUNNING,
    COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED,
    /** A state this version of Berth does not know. */
    UNKNOWN;

    /** Whether the task has stopped for good (complete, shutdown, failed, rejected, remove, orphaned). */
    public boolean isTerminal() {
        return ordinal() > RUNNING.ordinal() && this != UNKNOWN;
    }

    /** The engine's name, e.g. {@code running}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the engine's name; unknown names give {@link #UNKNOWN}. */
    public static TaskState parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
