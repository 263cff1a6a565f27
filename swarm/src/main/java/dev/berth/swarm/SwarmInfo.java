package dev.berth.swarm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This engine's view of swarm mode ({@code docker info}, section Swarm).
 *
 * @param state          inactive, pending, active, error or locked
 * @param nodeId         this node's id, once part of a swarm
 * @param nodeAddress    the address this node advertises
 * @param manager        whether this engine is a manager (can answer swarm requests)
 * @param clusterId      the swarm's id, when this engine is a manager
 * @param nodes          nodes in the swarm, when this engine is a manager
 * @param managers       managers in the swarm, when this engine is a manager
 * @param remoteManagers addresses of the managers this node knows
 * @param error          the engine's error, in state {@code error}
 */
public record SwarmInfo(SwarmState state, Optional<String> nodeId, String nodeAddress, boolean manager,
                        Optional<String> clusterId, int nodes, int managers, List<String> remoteManagers,
                        Optional<String> error) {
    public SwarmInfo {
        Objects.requireNonNull(state, "state");
        remoteManagers = List.copyOf(remoteManagers);
    }

    /** Whether the engine is part of a swarm. */
    public boolean isActive() {
        return state == SwarmState.ACTIVE;
    }
}
