package dev.berth;

import java.util.List;

/**
 * What a cleanup removed.
 *
 * @param containers ids of removed containers
 * @param networks   ids of removed networks
 * @param volumes    names of removed volumes
 */
public record CleanupReport(List<String> containers, List<String> networks, List<String> volumes) {
    public CleanupReport {
        containers = List.copyOf(containers);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
    }

    /** Whether nothing was left to remove. */
    public boolean isEmpty() {
        return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
    }
}
