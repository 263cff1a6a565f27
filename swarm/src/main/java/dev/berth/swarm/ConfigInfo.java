package dev.berth.swarm;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A config as {@code docker config inspect} shows it.
 *
 * @param id        the config's id
 * @param name      its name
 * @param version   the version index a label update quotes
 * @param labels    its labels
 * @param createdAt when it was created
 * @param updatedAt when its labels last changed
 * @param data      the content (configs are not secret)
 */
public record ConfigInfo(String id, String name, long version, Map<String, String> labels, Instant createdAt,
                       Instant updatedAt, byte[] data) {
    public ConfigInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        data = data.clone();
    }

    /** A copy of the content. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The content as UTF-8 text. */
    public String text() {
        return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigInfo c && c.id.equals(id) && c.version == version && c.name.equals(name)
                && c.labels.equals(labels) && java.util.Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "ConfigInfo[id=" + id + ", name=" + name + ", version=" + version + ", labels=" + labels + ", "
                + data.length + " bytes]";
    }
}
