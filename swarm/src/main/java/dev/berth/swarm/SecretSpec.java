package dev.berth.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A secret to create ({@code docker secret create NAME FILE}): a name, the value and labels. The value is never shown
 * by {@link #toString()} nor put in an exception message. Secrets are immutable on the engine: version their names.
 */
public final class SecretSpec {
    private final String name;
    private final byte[] data;
    private final Map<String, String> labels;

    private SecretSpec(String name, byte[] data, Map<String, String> labels) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("secret name must not be blank");
        }
        this.data = data.clone();
        this.labels = Map.copyOf(labels);
    }

    /** A secret holding {@code value}. */
    public static SecretSpec of(String name, byte[] value) {
        return new SecretSpec(name, Objects.requireNonNull(value, "value"), Map.of());
    }

    /** A secret holding the UTF-8 bytes of {@code value}. */
    public static SecretSpec of(String name, String value) {
        return of(name, Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8));
    }

    /** A secret holding the contents of {@code file}; reads it now. */
    public static SecretSpec fromFile(String name, Path file) {
        try {
            return of(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the value of secret '" + name + "' from " + file, e);
        }
    }

    /** The same secret with a label. */
    public SecretSpec label(String key, String value) {
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new SecretSpec(name, data, l);
    }

    public String name() {
        return name;
    }

    /** A copy of the value. */
    public byte[] data() {
        return data.clone();
    }

    public Map<String, String> labels() {
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretSpec s && s.name.equals(name) && Arrays.equals(s.data, data)
                && s.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(data), labels);
    }

    @Override
    public String toString() {
        return "SecretSpec[name=" + name + ", data=****, labels=" + labels + "]";
    }
}
