package dev.berth.container;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code docker ps}.
 *
 * @param id      the full id
 * @param names   the names, without leading slashes
 * @param image   the image reference
 * @param state   the lifecycle state
 * @param status  the engine's human status, e.g. {@code Up 3 seconds}
 * @param labels  labels
 * @param ports   published ports
 * @param created when it was created
 */
public record ContainerSummary(String id, List<String> names, String image, ContainerState state, String status,
                               Map<String, String> labels, List<PublishedPort> ports, Instant created) {
    public ContainerSummary {
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
    }

    /** The first name, or the short id. */
    public String name() {
        return names.isEmpty() ? id.substring(0, 12) : names.get(0);
    }
}
