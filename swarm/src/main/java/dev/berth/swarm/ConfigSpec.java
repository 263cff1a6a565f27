package dev.berth.swarm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A config to create ({@code docker config create NAME FILE}): a name, the content and labels. Configs are immutable
 * on the engine: version their names.
 */
public final class ConfigSpec extends StoredObjectSpec<ConfigSpec> {
    private ConfigSpec(String name, byte[] data, Map<String, String> labels) {
        super("config", name, data, labels);
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
        return of(name, read("config", name, file));
    }

    @Override
    ConfigSpec with(Map<String, String> labels) {
        return new ConfigSpec(name(), bytes(), labels);
    }

    @Override
    public String toString() {
        return "ConfigSpec[name=" + name() + ", " + bytes().length + " bytes, labels=" + labels() + "]";
    }
}
