package dev.berth.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code docker volume inspect} reports about a volume.
 *
 * @param name       the volume name
 * @param driver     the driver, e.g. {@code local}
 * @param mountpoint where the data lives on the engine's host
 * @param scope      {@code local} or {@code global}
 * @param createdAt  when it was created, if the engine says
 * @param options    the driver options it was created with
 * @param labels     the labels, Berth's included
 */
public record VolumeInfo(String name, String driver, Path mountpoint, String scope, Optional<Instant> createdAt,
                         Map<String, String> options, Map<String, String> labels) {
    public VolumeInfo {
        options = Map.copyOf(options);
        labels = Map.copyOf(labels);
    }
}
