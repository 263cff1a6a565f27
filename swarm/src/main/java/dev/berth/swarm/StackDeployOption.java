package dev.berth.swarm;

/** Options of {@code docker stack deploy}. */
public enum StackDeployOption {
    /** Remove the stack's services that the project no longer defines ({@code --prune}). */
    PRUNE
}
