package dev.berth.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link SecretSpec} and a {@link ConfigSpec} share: a name, the bytes and labels, immutable.
 *
 * @param <S> the spec type
 */
abstract sealed class StoredObjectSpec<S extends StoredObjectSpec<S>> permits SecretSpec, ConfigSpec {
    private final String name;
    private final byte[] data;
    private final Map<String, String> labels;

    /** @param kind {@code secret} or {@code config}, for messages */
    StoredObjectSpec(String kind, String name, byte[] data, Map<String, String> labels) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException(kind + " name must not be blank");
        }
        this.data = data.clone();
        this.labels = Map.copyOf(labels);
    }

    /** Reads a file now; the message names the object, never its content. */
    static byte[] read(String kind, String name, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the content of " + kind + " '" + name + "' from " + file, e);
        }
    }

    abstract S with(Map<String, String> labels);

    /** The same with a label. */
    public S label(String key, String value) {
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return with(l);
    }

    public String name() {
        return name;
    }

    /** A copy of the bytes. */
    public byte[] data() {
        return data.clone();
    }

    byte[] bytes() {
        return data;
    }

    public Map<String, String> labels() {
        return labels;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StoredObjectSpec<?>) o).name.equals(name)
                && Arrays.equals(((StoredObjectSpec<?>) o).data, data) && ((StoredObjectSpec<?>) o).labels.equals(labels);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(name, Arrays.hashCode(data), labels);
    }
}
