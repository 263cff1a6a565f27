package dev.berth.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@code docker swarm init}. Empty values take the engine's defaults.
 *
 * @param advertiseAddr   the address other nodes reach this one at ({@code --advertise-addr}); needed when the host
 *                        has several addresses
 * @param listenAddr      where the manager listens ({@code --listen-addr}, default {@code 0.0.0.0:2377})
 * @param dataPathAddr    the address used for overlay traffic ({@code --data-path-addr})
 * @param dataPathPort    the VXLAN port ({@code --data-path-port}, default 4789)
 * @param defaultAddrPool pools overlay subnets are taken from ({@code --default-addr-pool}, CIDRs)
 * @param subnetSize      the prefix length of each overlay subnet ({@code --default-addr-pool-mask-length})
 * @param forceNewCluster recover a swarm from this node's state ({@code --force-new-cluster})
 * @param autolock        require the unlock key after a manager restarts ({@code --autolock})
 * @param taskHistoryLimit tasks kept per slot ({@code --task-history-limit})
 */
public record SwarmInit(Optional<String> advertiseAddr, Optional<String> listenAddr, Optional<String> dataPathAddr,
                        Optional<Integer> dataPathPort, List<String> defaultAddrPool, Optional<Integer> subnetSize,
                        boolean forceNewCluster, boolean autolock, Optional<Integer> taskHistoryLimit) {
    public SwarmInit {
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
    }

    /** The engine's defaults. */
    public static SwarmInit defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
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
