package dev.berth.container;

/**
 * A mount as the engine reports it for a container.
 *
 * @param type        {@code volume}, {@code bind} or {@code tmpfs}
 * @param name        the volume name (empty for binds and tmpfs)
 * @param source      the host path backing the mount
 * @param destination the path inside the container
 * @param readWrite   whether the container may write to it
 */
public record MountPoint(String type, String name, String source, String destination, boolean readWrite) {
}
