package dev.berth.image;

import java.util.Objects;
import java.util.Optional;

/**
 * A progress message of {@code docker push}: per layer {@code Preparing}, {@code Waiting}, {@code Pushing} (with
 * bytes), {@code Pushed}, {@code Layer already exists} or {@code Mounted from …}; feed them to a
 * {@link ProgressTracker} for a bar.
 *
 * @param layerId the short layer id, or empty for a message about the whole image
 * @param status  the engine's status text
 * @param current bytes sent, or 0
 * @param total   the layer's size, or 0 when unknown
 */
public record PushProgress(Optional<String> layerId, String status, long current, long total)
        implements LayerProgress {
    public PushProgress {
        Objects.requireNonNull(layerId, "layerId");
        Objects.requireNonNull(status, "status");
    }
}
