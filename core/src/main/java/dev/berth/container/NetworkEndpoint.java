package dev.berth.container;

import java.util.List;

/**
 * A container's presence on one network.
 *
 * @param networkId   the network's id
 * @param ipAddress   the IPv4 address, empty if none
 * @param ipv6Address the global IPv6 address, empty if none
 * @param macAddress  the MAC address, empty if none
 * @param gateway     the IPv4 gateway, empty if none
 * @param aliases     the DNS aliases on this network
 */
public record NetworkEndpoint(String networkId, String ipAddress, String ipv6Address, String macAddress,
                              String gateway, List<String> aliases) {
    public NetworkEndpoint {
        aliases = List.copyOf(aliases);
    }
}
