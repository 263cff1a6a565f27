package dev.berth.container;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network the container joins, with the extra names it answers to there.
 *
 * @param network     a network name or id, or one of the built-in modes {@code bridge}, {@code host}, {@code none},
 *                    {@code container:NAME}
 * @param aliases     extra DNS names on a user-defined network
 * @param ipv4Address  a static address on that network, if any
 * @param ipv6Address  a static IPv6 address on that network, if any
 * @param linkLocalIps link-local addresses of the endpoint
 * @param macAddress   the endpoint's MAC address, if set
 */
public record NetworkAttachment(String network, List<String> aliases, Optional<String> ipv4Address,
                                Optional<String> ipv6Address, List<String> linkLocalIps, Optional<String> macAddress) {

    public NetworkAttachment {
        Objects.requireNonNull(network, "network");
        if (network.isBlank()) {
            throw new IllegalArgumentException("network name must not be blank");
        }
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ipv4Address, "ipv4Address");
        Objects.requireNonNull(ipv6Address, "ipv6Address");
        linkLocalIps = List.copyOf(linkLocalIps);
        Objects.requireNonNull(macAddress, "macAddress");
        if (builtIn(network) && (!aliases.isEmpty() || ipv4Address.isPresent() || ipv6Address.isPresent())
                && !network.equals("bridge")) {
            throw new IllegalArgumentException("network mode '" + network
                    + "' takes no aliases or addresses; those work only on user-defined networks");
        }
    }

    /** Joins a network with these aliases and, optionally, a static IPv4 address. */
    public NetworkAttachment(String network, List<String> aliases, Optional<String> ipv4Address) {
        this(network, aliases, ipv4Address, Optional.empty(), List.of(), Optional.empty());
    }

    /** Whether the endpoint has settings of its own: aliases, addresses or a MAC address. */
    public boolean hasEndpointSettings() {
        return !aliases.isEmpty() || ipv4Address.isPresent() || ipv6Address.isPresent() || !linkLocalIps.isEmpty()
                || macAddress.isPresent();
    }

    /** Whether this is {@code host}, {@code none}, {@code bridge} or {@code container:…} rather than a user network. */
    public boolean isBuiltInMode() {
        return builtIn(network);
    }

    private static boolean builtIn(String network) {
        return network.equals("host") || network.equals("none") || network.equals("bridge")
                || network.equals("default") || network.startsWith("container:");
    }
}
