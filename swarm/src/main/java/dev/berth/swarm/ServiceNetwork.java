package dev.berth.swarm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A network the service's tasks join ({@code --network name=…,alias=…,driver-opt=…}).
 *
 * @param target     the network's name or id
 * @param aliases    extra DNS names of the service on this network
 * @param driverOpts per-attachment driver options
 */
public record ServiceNetwork(String target, List<String> aliases, Map<String, String> driverOpts) {
    public ServiceNetwork {
        Objects.requireNonNull(target, "target");
        if (target.isBlank()) {
            throw new IllegalArgumentException("network target must not be blank");
        }
        aliases = List.copyOf(aliases);
        driverOpts = Map.copyOf(driverOpts);
    }

    /** The network by name, with optional aliases. */
    public static ServiceNetwork of(String target, String... aliases) {
        return new ServiceNetwork(target, List.of(aliases), Map.of());
    }
}
