package dev.berth.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An overlay network spanning the swarm's nodes ({@code docker network create -d overlay}). Build it with
 * {@code swarm.network(name)}:
 * <pre>{@code
 * OverlayNetwork net = swarm.network("backend").attachable().encrypted().create();
 * }</pre>
 */
public final class OverlayNetworkSpec {
    private final String name;
    private final boolean attachable;
    private final boolean encrypted;
    private final boolean internal;
    private final List<String> subnets;
    private final Map<String, String> labels;
    private final Map<String, String> options;

    private OverlayNetworkSpec(String name, boolean attachable, boolean encrypted, boolean internal,
                               List<String> subnets, Map<String, String> labels, Map<String, String> options) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("network name must not be blank");
        }
        subnets = List.copyOf(subnets);
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
        this.name = name;
        this.attachable = attachable;
        this.encrypted = encrypted;
        this.internal = internal;
        this.subnets = subnets;
        this.labels = labels;
        this.options = options;
    }

    /** The network's name. */
    public String name() {
        return name;
    }

    /** Whether standalone containers may join it too ({@code --attachable}). */
    public boolean attachable() {
        return attachable;
    }

    /** Whether traffic between nodes is encrypted with IPsec ({@code --opt encrypted}). */
    public boolean encrypted() {
        return encrypted;
    }

    /** Whether it has no route to the outside ({@code --internal}). */
    public boolean internal() {
        return internal;
    }

    /** Subnets in CIDR notation; empty to take one from the swarm's default pool. */
    public List<String> subnets() {
        return subnets;
    }

    /** The network's labels. */
    public Map<String, String> labels() {
        return labels;
    }

    /** Driver options. */
    public Map<String, String> options() {
        return options;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof OverlayNetworkSpec other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "OverlayNetworkSpec[name=" + name + ", attachable=" + attachable + ", encrypted=" + encrypted
                + ", internal=" + internal + ", subnets=" + subnets + ", labels=" + labels + ", options=" + options
                + "]";
    }

    private List<Object> values() {
        return Arrays.asList(name, attachable, encrypted, internal, subnets, labels, options);
    }

    /** A builder not bound to a swarm. */
    public static Builder builder(String name) {
        return new Builder(null, name);
    }

    /** A builder holding this spec's values, not bound to a swarm. */
    public Builder toBuilder() {
        Builder b = new Builder(null, name);
        b.attachable = attachable;
        b.encrypted = encrypted;
        b.internal = internal;
        b.subnets.addAll(subnets);
        b.labels.putAll(labels);
        b.options.putAll(options);
        return b;
    }

    /** Collects an {@link OverlayNetworkSpec}; from {@code swarm.network(name)} it also offers {@link #create()}. */
    public static final class Builder {
        private final Swarm swarm;
        private final String name;
        private boolean attachable;
        private boolean encrypted;
        private boolean internal;
        private final List<String> subnets = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> options = new LinkedHashMap<>();

        Builder(Swarm swarm, String name) {
            this.swarm = swarm;
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Lets standalone containers join ({@code --attachable}). */
        public Builder attachable() {
            this.attachable = true;
            return this;
        }

        /** Encrypts traffic between nodes ({@code --opt encrypted}). */
        public Builder encrypted() {
            this.encrypted = true;
            return this;
        }

        /** No route outside the network ({@code --internal}). */
        public Builder internal() {
            this.internal = true;
            return this;
        }

        /** A subnet such as {@code 10.20.0.0/24} ({@code --subnet}). */
        public Builder subnet(String cidr) {
            subnets.add(Objects.requireNonNull(cidr, "cidr"));
            return this;
        }

        /** A label ({@code --label}). */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A driver option ({@code --opt}). */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public OverlayNetworkSpec build() {
            return new OverlayNetworkSpec(name, attachable, encrypted, internal, subnets, labels, options);
        }

        /** Creates the network on the swarm. */
        public OverlayNetwork create() {
            if (swarm == null) {
                throw new IllegalStateException("This builder is not bound to a swarm; use swarm.network(name)");
            }
            return swarm.create(build());
        }
    }
}
