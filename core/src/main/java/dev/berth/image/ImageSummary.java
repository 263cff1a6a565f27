package dev.berth.image;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code docker images}.
 *
 * @param id         the image id ({@code sha256:…})
 * @param parentId   the parent image id, empty for pulled or loaded images
 * @param tags       its references ({@code repo:tag}); empty for a dangling image
 * @param digests    its registry digests ({@code repo@sha256:…})
 * @param created    when it was built
 * @param sizeBytes  its size including shared layers
 * @param labels     labels
 * @param containers how many containers use it, or -1 when the engine did not count
 */
public record ImageSummary(String id, String parentId, List<String> tags, List<String> digests, Instant created,
                           long sizeBytes, Map<String, String> labels, int containers) {
    public ImageSummary {
        tags = List.copyOf(tags);
        digests = List.copyOf(digests);
        labels = Map.copyOf(labels);
    }

    /** Whether it has no tag ({@code <none>:<none>} in {@code docker images}). */
    public boolean isDangling() {
        return tags.isEmpty();
    }

    /** The id without {@code sha256:}, cut to 12 characters as {@code docker images} shows it. */
    public String shortId() {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
