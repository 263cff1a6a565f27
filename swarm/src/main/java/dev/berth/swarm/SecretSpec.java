package dev.berth.swarm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A secret to create ({@code docker secret create NAME FILE}): a name, the value and labels. The value is never shown
 * by {@link #toString()} nor put in an exception message. Secrets are immutable on the engine: version their names.
 */
public final class SecretSpec extends StoredObjectSpec<SecretSpec> {
    private SecretSpec(String name, byte[] data, Map<String, String> labels) {
        super("secret", name, data, labels);
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
        return of(name, read("secret", name, file));
    }

    @Override
    SecretSpec with(Map<String, String> labels) {
        return new SecretSpec(name(), bytes(), labels);
    }

    @Override
    public String toString() {
        return "SecretSpec[name=" + name() + ", data=****, labels=" + labels() + "]";
    }
}
