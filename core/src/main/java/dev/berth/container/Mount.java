package dev.berth.container;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Storage mounted into a container: a named or anonymous volume, a host directory or file, or a tmpfs. */
public sealed interface Mount permits Mount.Volume, Mount.Bind, Mount.Tmpfs {

    /** The absolute path inside the container. */
    String target();

    /** Whether the container sees the mount read-only. */
    boolean readOnly();

    /**
     * A volume mount; an empty name makes an anonymous volume, which the engine names itself.
     *
     * @param name      the volume name, or empty for an anonymous volume
     * @param target    where it appears in the container
     * @param readOnly  whether it is mounted read-only
     * @param noCopy    whether the image's files at the target are not copied into a new volume
     *                  ({@code volume-nocopy})
     * @param subpath   a directory inside the volume to mount instead of its root (API 1.45+), if any
     */
    record Volume(Optional<String> name, String target, boolean readOnly, boolean noCopy, Optional<String> subpath)
            implements Mount {
        private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

        public Volume {
            Objects.requireNonNull(name, "name");
            checkTarget(target);
            name.ifPresent(n -> {
                if (!NAME.matcher(n).matches()) {
                    throw new IllegalArgumentException("Invalid volume name '" + n
                            + "'; names are [a-zA-Z0-9][a-zA-Z0-9_.-]+ (use Mount.bind for host paths)");
                }
            });
            Objects.requireNonNull(subpath, "subpath");
        }

        /** A volume mount with the engine's defaults for copying and subpath. */
        public Volume(Optional<String> name, String target, boolean readOnly) {
            this(name, target, readOnly, false, Optional.empty());
        }

        /** The same mount, read-only. */
        public Volume asReadOnly() {
            return new Volume(name, target, true, noCopy, subpath);
        }
    }

    /**
     * A host path mounted into the container.
     *
     * @param source         the absolute host path
     * @param target         where it appears in the container
     * @param readOnly       whether it is mounted read-only
     * @param createHostPath whether a missing host path is created as a directory, as {@code -v} does; otherwise
     *                       the path must exist, as with {@code --mount type=bind}
     * @param propagation    the bind propagation ({@code rprivate}, {@code shared}, …), if set
     * @param selinux        the SELinux relabelling, {@code z} (shared) or {@code Z} (private), if set
     */
    record Bind(Path source, String target, boolean readOnly, boolean createHostPath, Optional<String> propagation,
                Optional<String> selinux) implements Mount {
        public Bind {
            Objects.requireNonNull(source, "source");
            source = source.toAbsolutePath().normalize();
            checkTarget(target);
            Objects.requireNonNull(propagation, "propagation");
            Objects.requireNonNull(selinux, "selinux").ifPresent(z -> {
                if (!z.equals("z") && !z.equals("Z")) {
                    throw new IllegalArgumentException("SELinux relabelling must be z or Z, was '" + z + "'");
                }
            });
        }

        /** A host path mounted as {@code -v SOURCE:TARGET[:ro]} mounts it. */
        public Bind(Path source, String target, boolean readOnly) {
            this(source, target, readOnly, true, Optional.empty(), Optional.empty());
        }

        /** The same mount, read-only. */
        public Bind asReadOnly() {
            return new Bind(source, target, true, createHostPath, propagation, selinux);
        }
    }

    /**
     * A memory-backed filesystem ({@code --tmpfs /run:size=64m}).
     *
     * @param target    where it appears in the container
     * @param sizeBytes its size limit in bytes, or 0 for the engine's default
     * @param mode      its permission bits, e.g. {@code 01777}, or empty for the default
     */
    record Tmpfs(String target, long sizeBytes, Optional<Integer> mode) implements Mount {
        public Tmpfs {
            checkTarget(target);
            Objects.requireNonNull(mode, "mode");
            if (sizeBytes < 0) {
                throw new IllegalArgumentException("tmpfs size must not be negative, was " + sizeBytes);
            }
        }

        @Override
        public boolean readOnly() {
            return false;
        }
    }

    /** A named volume mounted read-write. */
    static Volume volume(String name, String target) {
        return new Volume(Optional.of(Objects.requireNonNull(name, "name")), target, false);
    }

    /** An anonymous volume, named by the engine and removable with the container. */
    static Volume anonymous(String target) {
        return new Volume(Optional.empty(), target, false);
    }

    /** A host path mounted read-write. */
    static Bind bind(Path source, String target) {
        return new Bind(source, target, false);
    }

    /** A tmpfs with the engine's default size. */
    static Tmpfs tmpfs(String target) {
        return new Tmpfs(target, 0, Optional.empty());
    }

    /**
     * Parses {@code docker run -v} syntax: {@code NAME:/path}, {@code /host:/path}, {@code ./rel:/path} (relative to the
     * working directory), {@code /path} (anonymous), each optionally followed by {@code :ro} or {@code :rw}.
     */
    static Mount parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String[] parts = spec.split(":", -1);
        boolean ro = false;
        int n = parts.length;
        if (n >= 2 && (parts[n - 1].equals("ro") || parts[n - 1].equals("rw"))) {
            ro = parts[n - 1].equals("ro");
            n--;
        }
        if (n == 1) {
            Volume v = anonymous(parts[0]);
            return ro ? v.asReadOnly() : v;
        }
        if (n != 2) {
            throw new IllegalArgumentException("Invalid volume specification '" + spec
                    + "'; use SOURCE:TARGET[:ro] or TARGET");
        }
        String source = parts[0];
        if (source.startsWith("/") || source.startsWith(".") || source.startsWith("~")) {
            Path path = source.startsWith("~") ? Path.of(System.getProperty("user.home") + source.substring(1))
                    : Path.of(source);
            return new Bind(path, parts[1], ro);
        }
        return new Volume(Optional.of(source), parts[1], ro);
    }

    private static void checkTarget(String target) {
        Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("Mount target '" + target + "' must be an absolute path in the container");
        }
    }
}
