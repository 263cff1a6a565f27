package dev.berth.swarm;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Storage mounted into a service's containers ({@code --mount type=volume|bind|tmpfs,…}). Volumes are created on each
 * node when a task first needs them, with the driver and labels given here.
 */
public sealed interface ServiceMount permits ServiceMount.Volume, ServiceMount.Bind, ServiceMount.Tmpfs {

    /** The absolute path inside the container. */
    String target();

    /** Whether the container sees the mount read-only. */
    boolean readOnly();

    /**
     * A named volume (or an anonymous one when {@code source} is empty) created per node on first use.
     *
     * @param source     the volume name; empty for an anonymous volume
     * @param target     where it appears in the container
     * @param readOnly   mounted read-only
     * @param noCopy     do not copy the image's files into a new volume ({@code volume-nocopy})
     * @param labels     labels of the volume when the node creates it
     * @param driver     the volume driver; empty for {@code local}
     * @param driverOpts options of the driver
     */
    record Volume(Optional<String> source, String target, boolean readOnly, boolean noCopy, Map<String, String> labels,
                  Optional<String> driver, Map<String, String> driverOpts) implements ServiceMount {
        public Volume {
            Objects.requireNonNull(source, "source");
            checkTarget(target);
            labels = Map.copyOf(labels);
            Objects.requireNonNull(driver, "driver");
            driverOpts = Map.copyOf(driverOpts);
        }

        /** The same mount, read-only. */
        public Volume asReadOnly() {
            return new Volume(source, target, true, noCopy, labels, driver, driverOpts);
        }

        /** The same mount, created with this driver and options. */
        public Volume driver(String name, Map<String, String> options) {
            return new Volume(source, target, readOnly, noCopy, labels, Optional.of(name), options);
        }
    }

    /**
     * A path of the node the task runs on; it must exist on every node that can run the task.
     *
     * @param source      the absolute path on the node
     * @param target      where it appears in the container
     * @param readOnly    mounted read-only
     * @param propagation bind propagation (rprivate, rshared, …); empty for the default
     */
    record Bind(Path source, String target, boolean readOnly, Optional<String> propagation) implements ServiceMount {
        public Bind {
            Objects.requireNonNull(source, "source");
            if (!source.isAbsolute()) {
                throw new IllegalArgumentException("Bind source '" + source + "' must be an absolute path on the node");
            }
            checkTarget(target);
            Objects.requireNonNull(propagation, "propagation");
        }

        /** The same mount, read-only. */
        public Bind asReadOnly() {
            return new Bind(source, target, true, propagation);
        }
    }

    /**
     * A memory-backed filesystem.
     *
     * @param target    where it appears in the container
     * @param sizeBytes size limit in bytes, 0 for the engine's default
     * @param mode      permission bits such as {@code 01777}; empty for the default
     */
    record Tmpfs(String target, long sizeBytes, Optional<Integer> mode) implements ServiceMount {
        public Tmpfs {
            checkTarget(target);
            if (sizeBytes < 0) {
                throw new IllegalArgumentException("tmpfs size must not be negative, was " + sizeBytes);
            }
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public boolean readOnly() {
            return false;
        }
    }

    /** A named volume mounted read-write, created with the local driver. */
    static Volume volume(String name, String target) {
        Objects.requireNonNull(name, "name");
        return new Volume(Optional.of(name), target, false, false, Map.of(), Optional.empty(), Map.of());
    }

    /** A node path mounted read-write. */
    static Bind bind(Path source, String target) {
        return new Bind(source, target, false, Optional.empty());
    }

    /** A tmpfs of the engine's default size. */
    static Tmpfs tmpfs(String target) {
        return new Tmpfs(target, 0, Optional.empty());
    }

    private static void checkTarget(String target) {
        Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("Mount target '" + target + "' must be an absolute path in the container");
        }
    }
}
