package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import dev.berth.dockerfile.internal.Template;

/**
 * A {@code key=value} pair of ENV or LABEL. Both are templates: {@code $NAME} and {@code ${NAME}} are expanded by the
 * builder, {@code \$} is a literal dollar sign; any other character, including spaces and quotes, stands for itself
 * and is quoted on rendering. Values are kept in one canonical spelling, so equal meanings compare equal.
 */
public record KeyValue(String key, String value) {

    /** Refuses an empty key, a key with {@code =}, and line breaks anywhere. */
    public KeyValue {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
        Checks.singleLine("ENV/LABEL", key, "a key");
        Checks.singleLine("ENV/LABEL", value, "the value of key '" + key + "'");
        key = Template.canonical(key);
        value = Template.canonical(value);
        if (key.isEmpty() || key.indexOf('=') >= 0) {
            throw new DockerfileValueException("ENV/LABEL", key, "a key must be non-empty and must not contain '='");
        }
    }

    /** A pair. */
    public static KeyValue of(String key, String value) {
        return new KeyValue(key, value);
    }
}
