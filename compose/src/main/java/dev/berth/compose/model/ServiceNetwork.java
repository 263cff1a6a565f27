package dev.berth.compose.model;

import java.util.List;
import java.util.Map;

/** How a service attaches to one network; every field may be unset (null or empty). */
public record ServiceNetwork(List<String> aliases, String ipv4Address, String ipv6Address, List<String> linkLocalIps,
                             String macAddress, Integer priority, Map<String, String> driverOpts) {
    public ServiceNetwork {
        aliases = List.copyOf(aliases);
        linkLocalIps = List.copyOf(linkLocalIps);
        driverOpts = Map.copyOf(driverOpts);
    }
}
