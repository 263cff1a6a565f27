package dev.berth.swarm;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node as {@code docker node inspect} shows it.
 *
 * @param id            the node's id
 * @param version       the version index an update must quote
 * @param hostname      the host's name
 * @param role          worker or manager
 * @param availability  active, pause or drain
 * @param state         ready, down, …
 * @param address       the address other nodes reach it at
 * @param labels        the node's labels (set through the swarm)
 * @param engineLabels  the engine's own labels ({@code dockerd --label})
 * @param leader        whether it is the raft leader
 * @param reachability  a manager's raft reachability (reachable, unreachable); empty for workers
 * @param engineVersion the engine's version
 * @param createdAt     when it joined
 */
public record NodeInfo(String id, long version, String hostname, NodeRole role, NodeAvailability availability,
                       NodeState state, String address, Map<String, String> labels, Map<String, String> engineLabels,
                       boolean leader, Optional<String> reachability, String engineVersion, Instant createdAt) {
    public NodeInfo {
        Objects.requireNonNull(id, "id");
        labels = Map.copyOf(labels);
        engineLabels = Map.copyOf(engineLabels);
    }

    /** Whether the node is a manager. */
    public boolean isManager() {
        return role == NodeRole.MANAGER;
    }
}
