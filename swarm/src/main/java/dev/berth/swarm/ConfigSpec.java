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
 * A config to create ({@code docker config create NAME FILE}): a name, the content and labels. Configs are immutable
 * on the engine: version their names.
 */
public final class ConfigSpec {
    private final String name;
    private final byte[] data;
    private final Map<String, String> labels;

    private ConfigSpec(String name, byte[] data, Map<String, String> labels) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("config name must not be blank");
        }
        this.data = data.clone();
        this.labels = Map.copyOf(labels);
    }

    /** A config holding {@code content}. */
    public static ConfigSpec of(String name, byte[] content) {
        return new ConfigSpec(name, Objects.requireNonNull(content, "content"), Map.of());
    }

    /** A config holding the UTF-8 bytes of {@code content}. */
    public static ConfigSpec of(String name, String content) {
        return of(name, Objects.requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8));
    }

    /** A config holding the contents of {@code file}; reads it now. */
    public static ConfigSpec fromFile(String name, Path file) {
        try {
            return of(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read config '" + name + "' from " + file, e);
        }
    }

    /** The same config with a label. */
    public ConfigSpec label(String key, String value) {
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new ConfigSpec(name, data, l);
    }

    public String name() {
        return name;
    }

    /** A copy of the content. */
    public byte[] data() {
        return data.clone();
    }

    public Map<String, String> labels() {
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigSpec s && s.name.equals(name) && Arrays.equals(s.data, data)
                && s.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(data), labels);
    }

    @Override
    public String toString() {
        return "ConfigSpec[name=" + name + ", " + data.length + " bytes, labels=" + labels + "]";
    }
}
