package dev.berth.image;

/** Flags of {@code docker rmi}. */
public enum ImageRemoveOption {
    /** {@code --force}: remove even if containers use the image, and untag an image with several references. */
    FORCE,
    /** {@code --no-prune}: keep untagged parent images. */
    NO_PRUNE
}
