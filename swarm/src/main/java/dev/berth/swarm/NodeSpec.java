package dev.berth.swarm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What can be changed on a node ({@code docker node update}): its role, availability, labels and name.
 *
 * @param name         an optional name annotation
 * @param role         worker or manager
 * @param availability active, pause or drain
 * @param labels       the node's labels, used by placement constraints ({@code node.labels.zone==a})
 */
public record NodeSpec(Optional<String> name, NodeRole role, NodeAvailability availability, Map<String, String> labels) {
    public NodeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(availability, "availability");
        labels = Map.copyOf(labels);
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a {@link NodeSpec}; each method is named after its {@code docker node update} flag. */
    public static final class Builder {
        private String name;
        private NodeRole role;
        private NodeAvailability availability;
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder(NodeSpec s) {
            name = s.name.orElse(null);
            role = s.role;
            availability = s.availability;
            labels.putAll(s.labels);
        }

        /** {@code --role}. */
        public Builder role(NodeRole role) {
            this.role = Objects.requireNonNull(role, "role");
            return this;
        }

        /** {@code --availability}. */
        public Builder availability(NodeAvailability availability) {
            this.availability = Objects.requireNonNull(availability, "availability");
            return this;
        }

        /** {@code --label-add key=value}. */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** {@code --label-rm key}. */
        public Builder removeLabel(String key) {
            labels.remove(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** The node's name annotation. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public NodeSpec build() {
            return new NodeSpec(Optional.ofNullable(name), role, availability, labels);
        }
    }
}
