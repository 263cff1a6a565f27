package dev.berth.swarm;

import java.util.Objects;

/**
 * The tokens that let nodes join the swarm ({@code docker swarm join-token}). They grant access to the cluster:
 * {@link #toString()} does not show them.
 */
public record JoinTokens(String worker, String manager) {
    public JoinTokens {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(manager, "manager");
    }

    @Override
    public String toString() {
        return "JoinTokens[worker=****, manager=****]";
    }
}
