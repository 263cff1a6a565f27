package dev.berth.image;

import java.util.List;

/**
 * What {@code docker rmi} or {@code docker image prune} reports.
 *
 * @param untagged       references removed
 * @param deleted        image (and parent layer) ids deleted
 * @param reclaimedBytes disk space freed; reported by prune only, 0 for remove
 */
public record RemovedImages(List<String> untagged, List<String> deleted, long reclaimedBytes) {
    public RemovedImages {
        untagged = List.copyOf(untagged);
        deleted = List.copyOf(deleted);
    }
}
