package dev.berth.network;

import dev.berth.Engine;
import dev.berth.internal.EngineAccess;
import dev.berth.network.internal.Addresses;
import dev.berth.network.internal.NetworkCalls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code docker network create} needs, as an immutable value.
 *
 * <pre>{@code
 * Network front = engine.network("front").subnet("10.10.0.0/24").gateway("10.10.0.1").create();
 * }</pre>
 */
public final class NetworkSpec {
    private final String name;
    private final String driver;
    private final List<IpamPool> ipam;
    private final Optional<String> ipamDriver;
    private final Map<String, String> ipamOptions;
    private final boolean internal;
    private final boolean attachable;
    private final boolean ipv6;
    private final Map<String, String> labels;
    private final Map<String, String> options;

    private NetworkSpec(String name, String driver, List<IpamPool> ipam, Optional<String> ipamDriver,
                        Map<String, String> ipamOptions, boolean internal, boolean attachable, boolean ipv6,
                        Map<String, String> labels, Map<String, String> options) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("network name must not be blank");
        }
        Objects.requireNonNull(driver, "driver");
        if (driver.isBlank()) {
            throw new IllegalArgumentException("network driver must not be blank");
        }
        ipam = List.copyOf(ipam);
        Objects.requireNonNull(ipamDriver, "ipamDriver");
        ipamOptions = Map.copyOf(ipamOptions);
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
        this.name = name;
        this.driver = driver;
        this.ipam = ipam;
        this.ipamDriver = ipamDriver;
        this.ipamOptions = ipamOptions;
        this.internal = internal;
        this.attachable = attachable;
        this.ipv6 = ipv6;
        this.labels = labels;
        this.options = options;
    }

    /** The network name. */
    public String name() {
        return name;
    }

    /** {@code bridge} (the default), {@code overlay}, {@code macvlan}, {@code ipvlan}, or a plugin. */
    public String driver() {
        return driver;
    }

    /** Address pools; empty lets the engine pick a subnet. */
    public List<IpamPool> ipam() {
        return ipam;
    }

    /** The IPAM driver, if not the engine's default. */
    public Optional<String> ipamDriver() {
        return ipamDriver;
    }

    /** Options for the IPAM driver. */
    public Map<String, String> ipamOptions() {
        return ipamOptions;
    }

    /** Whether the network is cut off from outside ({@code --internal}). */
    public boolean internal() {
        return internal;
    }

    /** Whether standalone containers may join an overlay network ({@code --attachable}). */
    public boolean attachable() {
        return attachable;
    }

    /** Whether IPv6 is enabled ({@code --ipv6}). */
    public boolean ipv6() {
        return ipv6;
    }

    /** User labels; Berth adds its own on create. */
    public Map<String, String> labels() {
        return labels;
    }

    /** Driver options ({@code -o}), e.g. {@code com.docker.network.bridge.name} or {@code parent}. */
    public Map<String, String> options() {
        return options;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof NetworkSpec other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "NetworkSpec[name=" + name + ", driver=" + driver + ", ipam=" + ipam + ", ipamDriver=" + ipamDriver
                + ", ipamOptions=" + ipamOptions + ", internal=" + internal + ", attachable=" + attachable
                + ", ipv6=" + ipv6 + ", labels=" + labels + ", options=" + options + "]";
    }

    private List<Object> values() {
        return Arrays.asList(name, driver, ipam, ipamDriver, ipamOptions, internal, attachable, ipv6, labels, options);
    }

    /** A builder for a network of this name, not bound to an engine ({@link Builder#build()} only). */
    public static Builder builder(String name) {
        return new Builder(null, name);
    }

    /** A builder bound to the engine; the usual spelling is {@code engine.network(name)}. */
    public static Builder builder(Engine engine, String name) {
        return new Builder(Objects.requireNonNull(engine, "engine"), name);
    }

    /** A builder holding this spec's values, not bound to an engine. */
    public Builder toBuilder() {
        return new Builder(null, this);
    }

    /** A builder holding this spec's values, bound to the engine; the usual spelling is {@code engine.network(spec)}. */
    public Builder toBuilder(Engine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"), this);
    }

    /**
     * Collects a {@link NetworkSpec}; each method is named after its {@code docker network create} flag. A builder
     * from {@code engine.network(name)} also offers {@link #create()}. Not thread-safe; the spec is.
     */
    public static final class Builder {
        private final Engine engine;
        private String name;
        private String driver = "bridge";
        private final List<String> subnets = new ArrayList<>();
        private final List<String> ranges = new ArrayList<>();
        private final List<String> gateways = new ArrayList<>();
        private final Map<String, String> auxAddresses = new LinkedHashMap<>();
        private final List<IpamPool> pools = new ArrayList<>();
        private String ipamDriver;
        private final Map<String, String> ipamOptions = new LinkedHashMap<>();
        private boolean internal;
        private boolean attachable;
        private boolean ipv6;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> options = new LinkedHashMap<>();

        Builder(Engine engine, String name) {
            this.engine = engine;
            name(name);
        }

        Builder(Engine engine, NetworkSpec s) {
            this.engine = engine;
            name = s.name;
            driver = s.driver;
            pools.addAll(s.ipam);
            ipamDriver = s.ipamDriver.orElse(null);
            ipamOptions.putAll(s.ipamOptions);
            internal = s.internal;
            attachable = s.attachable;
            ipv6 = s.ipv6;
            labels.putAll(s.labels);
            options.putAll(s.options);
        }

        /** The network name. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The driver ({@code -d}): {@code bridge}, {@code overlay}, {@code macvlan}, {@code ipvlan}, … */
        public Builder driver(String driver) {
            this.driver = Objects.requireNonNull(driver, "driver");
            return this;
        }

        /** Adds a subnet in CIDR form ({@code --subnet}); call again for more, e.g. an IPv6 one. */
        public Builder subnet(String cidr) {
            Addresses.checkCidr(Objects.requireNonNull(cidr, "cidr"), "subnet");
            subnets.add(cidr);
            return this;
        }

        /** Hands out container addresses only from this range of its subnet ({@code --ip-range}). */
        public Builder ipRange(String cidr) {
            Addresses.checkCidr(Objects.requireNonNull(cidr, "cidr"), "ip-range");
            ranges.add(cidr);
            return this;
        }

        /** The gateway of the subnet containing it ({@code --gateway}). */
        public Builder gateway(String ip) {
            Addresses.checkIp(Objects.requireNonNull(ip, "ip"), "gateway");
            gateways.add(ip);
            return this;
        }

        /** Reserves an address of the subnet containing it, under a name ({@code --aux-address name=ip}). */
        public Builder auxAddress(String name, String ip) {
            Objects.requireNonNull(name, "name");
            Addresses.checkIp(Objects.requireNonNull(ip, "ip"), "aux-address");
            auxAddresses.put(name, ip);
            return this;
        }

        /** The IPAM driver ({@code --ipam-driver}). */
        public Builder ipamDriver(String driver) {
            this.ipamDriver = Objects.requireNonNull(driver, "driver");
            return this;
        }

        /** An option for the IPAM driver ({@code --ipam-opt}). */
        public Builder ipamOption(String key, String value) {
            ipamOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Cuts the network off from outside: no gateway to the host's networks ({@code --internal}). */
        public Builder internal() {
            this.internal = true;
            return this;
        }

        /** Lets standalone containers join this (overlay) network ({@code --attachable}). */
        public Builder attachable() {
            this.attachable = true;
            return this;
        }

        /** Enables IPv6 ({@code --ipv6}); give an IPv6 {@link #subnet(String)} too. */
        public Builder ipv6() {
            this.ipv6 = true;
            return this;
        }

        /** Adds a label ({@code --label}). Labels under {@code dev.berth.} are Berth's own and refused. */
        public Builder label(String key, String value) {
            dev.berth.Labels.putUserLabel(labels, key, value);
            return this;
        }

        /** Adds several labels. */
        public Builder labels(Map<String, String> labels) {
            labels.forEach(this::label);
            return this;
        }

        /** A driver option ({@code -o key=value}), e.g. {@code parent=eth0} for macvlan. */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The immutable spec; does no I/O. Ranges, gateways and aux addresses are matched to the subnets containing
         * them, as {@code docker network create} does.
         *
         * @throws IllegalArgumentException with the docker CLI's reason when they do not fit together
         */
        public NetworkSpec build() {
            List<IpamPool> all = new ArrayList<>(pools);
            all.addAll(Addresses.consolidate(subnets, ranges, gateways, auxAddresses));
            return new NetworkSpec(name, driver, all, Optional.ofNullable(ipamDriver), ipamOptions, internal,
                    attachable, ipv6, labels, options);
        }

        /**
         * Creates the network ({@code docker network create}); blocks until created.
         *
         * @throws dev.berth.ConflictException if a network of that name exists
         */
        public Network create() {
            if (engine == null) {
                throw new IllegalStateException("This builder is not bound to an engine; start from"
                        + " engine.network(name) or Docker.network(name), or pass the spec to engine.network(spec)");
            }
            NetworkSpec spec = build();
            return new Network(engine, NetworkCalls.create(EngineAccess.connection(engine), spec), spec.name());
        }
    }
}
