package dev.berth.volume;

/** Flags of {@code docker volume rm}, spelled like the other removes' options. */
public enum VolumeRemoveOption {
    /**
     * {@code -f}: also drop the engine's record of a volume whose driver fails or is gone; a volume in use is never
     * removed, forced or not.
     */
    FORCE
}
