package dev.berth.image;

import java.util.Optional;

/**
 * One progress message of a pull or push, as the engine sends it (the lines {@code docker pull} draws its bars from).
 * Messages about the whole image (e.g. {@code Digest: sha256:…}) have no layer id.
 */
public sealed interface LayerProgress permits PullProgress, PushProgress {
    /** The short layer id ({@code 3dc2f42cf2b6}), or empty for a message about the whole image. */
    Optional<String> layerId();

    /** The engine's status text, e.g. {@code Downloading}, {@code Pull complete}, {@code Pushed}. */
    String status();

    /** Bytes done in the current phase, or 0 when the message carries none. */
    long current();

    /** Total bytes of the current phase, or 0 when unknown. */
    long total();
}
