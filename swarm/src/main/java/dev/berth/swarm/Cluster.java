package dev.berth.swarm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The swarm as {@code docker swarm inspect} shows it (a manager's view).
 *
 * @param id               the swarm's id
 * @param version          the version index an update must quote
 * @param createdAt        when it was initialised
 * @param updatedAt        when its settings last changed
 * @param labels           the swarm's labels
 * @param autolock         whether managers need the unlock key after a restart
 * @param taskHistoryLimit tasks kept per slot ({@code --task-history-limit})
 * @param certExpiry       lifetime of node certificates
 * @param dataPathPort     the VXLAN port of overlay networks
 * @param defaultAddrPool  pools overlay subnets are taken from
 * @param subnetSize       the prefix length of each overlay subnet
 * @param joinTokens       the worker and manager join tokens
 */
public record Cluster(String id, long version, Instant createdAt, Instant updatedAt, Map<String, String> labels,
                      boolean autolock, long taskHistoryLimit, Duration certExpiry, int dataPathPort,
                      List<String> defaultAddrPool, int subnetSize, JoinTokens joinTokens) {
    public Cluster {
        Objects.requireNonNull(id, "id");
        labels = Map.copyOf(labels);
        defaultAddrPool = List.copyOf(defaultAddrPool);
        Objects.requireNonNull(joinTokens, "joinTokens");
    }
}
