package dev.berth.swarm;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A secret as {@code docker secret inspect} shows it (the engine never returns a secret's value).
 *
 * @param id        the secret's id
 * @param name      its name
 * @param version   the version index a label update quotes
 * @param labels    its labels
 * @param createdAt when it was created
 * @param updatedAt when its labels last changed
 */
public record SecretInfo(String id, String name, long version, Map<String, String> labels, Instant createdAt,
                       Instant updatedAt) {
    public SecretInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
    }

}
