package dev.berth.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code docker network inspect} reports about a network, in typed form.
 *
 * @param id          the full network id
 * @param name        the name
 * @param driver      the driver, e.g. {@code bridge}, {@code overlay}, {@code null} for {@code none}
 * @param scope       {@code local} or {@code swarm}
 * @param created     when it was created, if the engine says
 * @param internal    whether it is cut off from outside
 * @param attachable  whether standalone containers may join it
 * @param ingress     whether it is a swarm's routing-mesh network
 * @param ipv6        whether IPv6 is enabled
 * @param ipamDriver  the IPAM driver, e.g. {@code default}
 * @param ipam        the address pools
 * @param options     the driver options
 * @param labels      the labels, Berth's included
 * @param containers  container id → its endpoint; empty in list results, filled by {@link Network#inspect()}
 */
public record NetworkInfo(String id, String name, String driver, String scope, Optional<Instant> created,
                          boolean internal, boolean attachable, boolean ingress, boolean ipv6, String ipamDriver,
                          List<IpamPool> ipam, Map<String, String> options, Map<String, String> labels,
                          Map<String, NetworkMember> containers) {
    public NetworkInfo {
        ipam = List.copyOf(ipam);
        options = Map.copyOf(options);
        labels = Map.copyOf(labels);
        containers = Map.copyOf(containers);
    }

    /** Whether this is one of the engine's own networks: {@code bridge}, {@code host} or {@code none}. */
    public boolean isBuiltIn() {
        return Network.isBuiltIn(name);
    }

    /** The endpoint of the container with this name or full id, if it is attached. */
    public Optional<NetworkMember> member(String containerNameOrId) {
        NetworkMember byId = containers.get(containerNameOrId);
        if (byId != null) {
            return Optional.of(byId);
        }
        String name = containerNameOrId.startsWith("/") ? containerNameOrId.substring(1) : containerNameOrId;
        return containers.values().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
