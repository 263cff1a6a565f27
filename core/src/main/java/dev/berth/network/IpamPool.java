package dev.berth.network;

import dev.berth.network.internal.Addresses;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One address pool of a network ({@code --subnet} with its {@code --ip-range}, {@code --gateway} and
 * {@code --aux-address}).
 *
 * @param subnet       the subnet in CIDR form, e.g. {@code 10.10.0.0/24} or {@code fd00:10::/64}
 * @param ipRange      the part of the subnet containers get addresses from, if narrower
 * @param gateway      the gateway address, if not the engine's choice
 * @param auxAddresses addresses the engine must not hand out, by name
 */
public record IpamPool(String subnet, Optional<String> ipRange, Optional<String> gateway,
                       Map<String, String> auxAddresses) {
    public IpamPool {
        Addresses.checkCidr(Objects.requireNonNull(subnet, "subnet"), "subnet");
        Objects.requireNonNull(ipRange, "ipRange").ifPresent(r -> Addresses.checkCidr(r, "ip-range"));
        Objects.requireNonNull(gateway, "gateway").ifPresent(g -> Addresses.checkIp(g, "gateway"));
        auxAddresses = Map.copyOf(auxAddresses);
        auxAddresses.values().forEach(a -> Addresses.checkIp(a, "aux-address"));
    }

    /** A pool of the whole subnet, gateway chosen by the engine. */
    public static IpamPool of(String subnet) {
        return new IpamPool(subnet, Optional.empty(), Optional.empty(), Map.of());
    }
}
