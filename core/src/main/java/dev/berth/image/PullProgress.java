package dev.berth.image;

import java.util.Objects;
import java.util.Optional;

/**
 * A progress message of {@code docker pull}: per layer {@code Pulling fs layer}, {@code Waiting},
 * {@code Downloading} (with bytes), {@code Verifying Checksum}, {@code Download complete}, {@code Extracting}
 * (with bytes), {@code Pull complete} or {@code Already exists}; feed them to a {@link ProgressTracker} for a bar.
 *
 * @param layerId the short layer id, or empty for a message about the whole image
 * @param status  the engine's status text
 * @param current bytes done in this phase, or 0
 * @param total   total bytes of this phase, or 0 when unknown
 */
public record PullProgress(Optional<String> layerId, String status, long current, long total)
        implements LayerProgress {
    public PullProgress {
        Objects.requireNonNull(layerId, "layerId");
        Objects.requireNonNull(status, "status");
    }
}
