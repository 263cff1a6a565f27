package dev.berth;

import java.util.ArrayList;
import java.util.List;

/**
 * What a prune removed, as {@code docker system prune} reports it.
 *
 * @param containers     ids of removed containers
 * @param networks       names of removed networks
 * @param volumes        names of removed volumes
 * @param images         ids of deleted images, with the untagged parent layers deleted along (untagged
 *                       references are not listed)
 * @param buildCache     ids of removed build cache records
 * @param spaceReclaimed bytes freed, as the engine counts them
 */
public record PruneReport(List<String> containers, List<String> networks, List<String> volumes, List<String> images,
                          List<String> buildCache, long spaceReclaimed) {
    /** Nothing removed. */
    public static final PruneReport EMPTY = new PruneReport(List.of(), List.of(), List.of(), List.of(), List.of(), 0);

    public PruneReport {
        containers = List.copyOf(containers);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        images = List.copyOf(images);
        buildCache = List.copyOf(buildCache);
    }

    /** Whether nothing was removed. */
    public boolean isEmpty() {
        return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty() && images.isEmpty()
                && buildCache.isEmpty() && spaceReclaimed == 0;
    }

    /** This report and another one together. */
    public PruneReport plus(PruneReport o) {
        return new PruneReport(concat(containers, o.containers), concat(networks, o.networks),
                concat(volumes, o.volumes), concat(images, o.images), concat(buildCache, o.buildCache),
                spaceReclaimed + o.spaceReclaimed);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
