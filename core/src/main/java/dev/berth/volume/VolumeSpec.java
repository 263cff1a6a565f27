package dev.berth.volume;

import dev.berth.Engine;
import dev.berth.internal.EngineAccess;
import dev.berth.volume.internal.VolumeCalls;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything {@code docker volume create} needs, as an immutable value.
 *
 * <pre>{@code
 * Volume cache = engine.volume("cache")
 *         .option("type", "tmpfs").option("device", "tmpfs").option("o", "size=64m")
 *         .create();
 * }</pre>
 */
public final class VolumeSpec {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private final Optional<String> name;
    private final String driver;
    private final Map<String, String> options;
    private final Map<String, String> labels;

    private VolumeSpec(Optional<String> name, String driver, Map<String, String> options, Map<String, String> labels) {
        Objects.requireNonNull(name, "name").ifPresent(n -> {
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("Invalid volume name '" + n
                        + "'; names are [a-zA-Z0-9][a-zA-Z0-9_.-]+, at least two characters");
            }
        });
        Objects.requireNonNull(driver, "driver");
        if (driver.isBlank()) {
            throw new IllegalArgumentException("volume driver must not be blank");
        }
        options = Map.copyOf(options);
        labels = Map.copyOf(labels);
        this.name = name;
        this.driver = driver;
        this.options = options;
        this.labels = labels;
    }

    /** The volume name; empty lets the engine generate one. */
    public Optional<String> name() {
        return name;
    }

    /** The volume driver, {@code local} by default. */
    public String driver() {
        return driver;
    }

    /** Driver options ({@code --opt}); for {@code local}: {@code type}, {@code device}, {@code o}. */
    public Map<String, String> options() {
        return options;
    }

    /** User labels; Berth adds its own on create. */
    public Map<String, String> labels() {
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof VolumeSpec other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "VolumeSpec[name=" + name + ", driver=" + driver + ", options=" + options + ", labels=" + labels + "]";
    }

    private List<Object> values() {
        return Arrays.asList(name, driver, options, labels);
    }

    /** A builder for a volume of this name, not bound to an engine ({@link Builder#build()} only). */
    public static Builder builder(String name) {
        return new Builder(null, Objects.requireNonNull(name, "name"));
    }

    /** A builder for a volume the engine names, not bound to an engine. */
    public static Builder builder() {
        return new Builder(null, (String) null);
    }

    /** A builder bound to the engine; {@code name} null lets the engine name it. Usual spelling: {@code engine.volume(name)}. */
    public static Builder builder(Engine engine, String name) {
        return new Builder(Objects.requireNonNull(engine, "engine"), name);
    }

    /** A builder holding this spec's values, not bound to an engine. */
    public Builder toBuilder() {
        return new Builder(null, this);
    }

    /** A builder holding this spec's values, bound to the engine; the usual spelling is {@code engine.volume(spec)}. */
    public Builder toBuilder(Engine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"), this);
    }

    /**
     * Collects a {@link VolumeSpec}; methods are named after {@code docker volume create} flags. A builder from
     * {@code engine.volume(name)} also offers {@link #create()}. Not thread-safe; the spec is.
     */
    public static final class Builder {
        private final Engine engine;
        private String name;
        private String driver = "local";
        private final Map<String, String> options = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();

        Builder(Engine engine, String name) {
            this.engine = engine;
            this.name = name;
        }

        Builder(Engine engine, VolumeSpec s) {
            this.engine = engine;
            name = s.name.orElse(null);
            driver = s.driver;
            options.putAll(s.options);
            labels.putAll(s.labels);
        }

        /** The volume driver ({@code --driver}); {@code local} by default. */
        public Builder driver(String driver) {
            this.driver = Objects.requireNonNull(driver, "driver");
            return this;
        }

        /**
         * A driver option ({@code --opt key=value}). The {@code local} driver takes {@code type}, {@code device} and
         * {@code o} as mount(8) does, e.g. {@code type=tmpfs}, {@code device=tmpfs}, {@code o=size=64m,uid=1000}.
         */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a label ({@code --label}). Labels under {@code dev.berth.} are Berth's own and refused. */
        public Builder label(String key, String value) {
            dev.berth.Labels.putUserLabel(labels, key, value);
            return this;
        }

        /** Adds several labels. */
        public Builder labels(Map<String, String> labels) {
            labels.forEach(this::label);
            return this;
        }

        /** The immutable spec; does no I/O. */
        public VolumeSpec build() {
            return new VolumeSpec(Optional.ofNullable(name), driver, options, labels);
        }

        /**
         * Creates the volume; blocks until created. Unlike {@code docker volume create}, which hands back an existing
         * volume of the same name unchanged, this refuses a name that is taken, so the options asked for are the
         * options in effect.
         *
         * @throws dev.berth.ConflictException if a volume of that name exists
         */
        public Volume create() {
            if (engine == null) {
                throw new IllegalStateException("This builder is not bound to an engine; start from"
                        + " engine.volume(name) or Docker.volume(name), or pass the spec to engine.volume(spec)");
            }
            return new Volume(engine, VolumeCalls.create(EngineAccess.connection(engine), build()));
        }
    }
}
