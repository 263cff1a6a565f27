/**
 * Volumes: create ({@link dev.berth.volume.VolumeSpec}), handle ({@link dev.berth.volume.Volume}), query and prune
 * ({@link dev.berth.volume.VolumeQuery}), as {@code docker volume} does.
 *
 * <pre>{@code
 * try (Volume data = engine.volume("pgdata").label("app", "db").create()) {
 *     engine.container("postgres:16").volume(data.name(), "/var/lib/postgresql/data").detached().run();
 *     Path onHost = data.inspect().mountpoint();
 * }
 * }</pre>
 */
package dev.berth.volume;
