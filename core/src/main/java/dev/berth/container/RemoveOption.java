package dev.berth.container;

/** Options of {@code docker rm}. */
public enum RemoveOption {
    /** Kill a running container before removing it ({@code -f}). */
    FORCE,
    /** Also remove the container's anonymous volumes ({@code -v}). */
    VOLUMES
}
