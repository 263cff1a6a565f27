package dev.berth.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@code docker swarm init}. Empty values take the engine's defaults.
 */
public final class SwarmInit {
    private final Optional<String> advertiseAddr;
    private final Optional<String> listenAddr;
    private final Optional<String> dataPathAddr;
    private final Optional<Integer> dataPathPort;
    private final List<String> defaultAddrPool;
    private final Optional<Integer> subnetSize;
    private final boolean forceNewCluster;
    private final boolean autolock;
    private final Optional<Integer> taskHistoryLimit;

    private SwarmInit(Optional<String> advertiseAddr, Optional<String> listenAddr, Optional<String> dataPathAddr,
                      Optional<Integer> dataPathPort, List<String> defaultAddrPool, Optional<Integer> subnetSize,
                      boolean forceNewCluster, boolean autolock, Optional<Integer> taskHistoryLimit) {
        Objects.requireNonNull(advertiseAddr, "advertiseAddr");
        Objects.requireNonNull(listenAddr, "listenAddr");
        Objects.requireNonNull(dataPathAddr, "dataPathAddr");
        Objects.requireNonNull(dataPathPort, "dataPathPort");
        defaultAddrPool = List.copyOf(defaultAddrPool);
        Objects.requireNonNull(subnetSize, "subnetSize");
        subnetSize.ifPresent(n -> {
            if (n < 1 || n > 32) {
                throw new IllegalArgumentException("subnetSize must be a prefix length 1-32, was " + n);
            }
        });
        dataPathPort.ifPresent(p -> {
            if (p < 1024 || p > 49151) {
                throw new IllegalArgumentException("dataPathPort must be 1024-49151, was " + p);
            }
        });
        Objects.requireNonNull(taskHistoryLimit, "taskHistoryLimit");
        this.advertiseAddr = advertiseAddr;
        this.listenAddr = listenAddr;
        this.dataPathAddr = dataPathAddr;
        this.dataPathPort = dataPathPort;
        this.defaultAddrPool = defaultAddrPool;
        this.subnetSize = subnetSize;
        this.forceNewCluster = forceNewCluster;
        this.autolock = autolock;
        this.taskHistoryLimit = taskHistoryLimit;
    }

    /**
     * The address other nodes reach this one at ({@code --advertise-addr}); needed when the host has several addresses.
     */
    public Optional<String> advertiseAddr() {
        return advertiseAddr;
    }

    /** Where the manager listens ({@code --listen-addr}, default {@code 0.0.0.0:2377}). */
    public Optional<String> listenAddr() {
        return listenAddr;
    }

    /** The address used for overlay traffic ({@code --data-path-addr}). */
    public Optional<String> dataPathAddr() {
        return dataPathAddr;
    }

    /** The VXLAN port ({@code --data-path-port}, default 4789). */
    public Optional<Integer> dataPathPort() {
        return dataPathPort;
    }

    /** Pools overlay subnets are taken from ({@code --default-addr-pool}, CIDRs). */
    public List<String> defaultAddrPool() {
        return defaultAddrPool;
    }

    /** The prefix length of each overlay subnet ({@code --default-addr-pool-mask-length}). */
    public Optional<Integer> subnetSize() {
        return subnetSize;
    }

    /** Recover a swarm from this node's state ({@code --force-new-cluster}). */
    public boolean forceNewCluster() {
        return forceNewCluster;
    }

    /** Require the unlock key after a manager restarts ({@code --autolock}). */
    public boolean autolock() {
        return autolock;
    }

    /** Tasks kept per slot ({@code --task-history-limit}). */
    public Optional<Integer> taskHistoryLimit() {
        return taskHistoryLimit;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SwarmInit other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "SwarmInit[advertiseAddr=" + advertiseAddr + ", listenAddr=" + listenAddr
                + ", dataPathAddr=" + dataPathAddr + ", dataPathPort=" + dataPathPort
                + ", defaultAddrPool=" + defaultAddrPool + ", subnetSize=" + subnetSize
                + ", forceNewCluster=" + forceNewCluster + ", autolock=" + autolock
                + ", taskHistoryLimit=" + taskHistoryLimit + "]";
    }

    private List<Object> values() {
        return Arrays.asList(advertiseAddr, listenAddr, dataPathAddr, dataPathPort, defaultAddrPool, subnetSize,
                forceNewCluster, autolock, taskHistoryLimit);
    }

    /** The engine's defaults. */
    public static SwarmInit defaults() {
        return builder().build();
    }

    /** A builder with the engine's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.advertiseAddr = advertiseAddr.orElse(null);
        b.listenAddr = listenAddr.orElse(null);
        b.dataPathAddr = dataPathAddr.orElse(null);
        b.dataPathPort = dataPathPort.orElse(null);
        b.pools.addAll(defaultAddrPool);
        b.subnetSize = subnetSize.orElse(null);
        b.forceNewCluster = forceNewCluster;
        b.autolock = autolock;
        b.taskHistoryLimit = taskHistoryLimit.orElse(null);
        return b;
    }

    /** Collects {@link SwarmInit}; each method is named after its flag. */
    public static final class Builder {
        private String advertiseAddr;
        private String listenAddr;
        private String dataPathAddr;
        private Integer dataPathPort;
        private final List<String> pools = new ArrayList<>();
        private Integer subnetSize;
        private boolean forceNewCluster;
        private boolean autolock;
        private Integer taskHistoryLimit;

        private Builder() {
        }

        public Builder advertiseAddr(String addr) {
            this.advertiseAddr = Objects.requireNonNull(addr, "addr");
            return this;
        }

        public Builder listenAddr(String addr) {
            this.listenAddr = Objects.requireNonNull(addr, "addr");
            return this;
        }

        public Builder dataPathAddr(String addr) {
            this.dataPathAddr = Objects.requireNonNull(addr, "addr");
            return this;
        }

        public Builder dataPathPort(int port) {
            this.dataPathPort = port;
            return this;
        }

        /** Adds a pool such as {@code 10.20.0.0/16} ({@code --default-addr-pool}). */
        public Builder defaultAddrPool(String cidr) {
            pools.add(Objects.requireNonNull(cidr, "cidr"));
            return this;
        }

        public Builder subnetSize(int prefixLength) {
            this.subnetSize = prefixLength;
            return this;
        }

        public Builder forceNewCluster() {
            this.forceNewCluster = true;
            return this;
        }

        public Builder autolock() {
            this.autolock = true;
            return this;
        }

        public Builder taskHistoryLimit(int n) {
            this.taskHistoryLimit = n;
            return this;
        }

        public SwarmInit build() {
            return new SwarmInit(Optional.ofNullable(advertiseAddr), Optional.ofNullable(listenAddr),
                    Optional.ofNullable(dataPathAddr), Optional.ofNullable(dataPathPort), pools,
                    Optional.ofNullable(subnetSize), forceNewCluster, autolock, Optional.ofNullable(taskHistoryLimit));
        }
    }
}
