package dev.berth.network;

import dev.berth.network.internal.Addresses;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a container joins a network ({@code docker network connect --alias --ip --ip6}).
 *
 * <pre>{@code
 * backend.connect(db, EndpointSpec.builder().alias("database").ip("10.10.0.50").build());
 * }</pre>
 *
 * @param aliases     extra DNS names the container answers to on this network
 * @param ipv4Address a static IPv4 address from the network's subnet
 * @param ipv6Address a static IPv6 address from the network's subnet
 */
public record EndpointSpec(List<String> aliases, Optional<String> ipv4Address, Optional<String> ipv6Address) {
    /** No aliases, addresses chosen by the engine. */
    public static final EndpointSpec DEFAULT = new EndpointSpec(List.of(), Optional.empty(), Optional.empty());

    public EndpointSpec {
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ipv4Address, "ipv4Address").ifPresent(ip -> Addresses.checkIp(ip, "ip"));
        Objects.requireNonNull(ipv6Address, "ipv6Address").ifPresent(ip -> Addresses.checkIp(ip, "ip6"));
    }

    /** A builder with no aliases and no static addresses. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.aliases.addAll(aliases);
        b.ip = ipv4Address.orElse(null);
        b.ip6 = ipv6Address.orElse(null);
        return b;
    }

    /** Collects an {@link EndpointSpec}; methods are named after {@code docker network connect} flags. */
    public static final class Builder {
        private final List<String> aliases = new ArrayList<>();
        private String ip;
        private String ip6;

        private Builder() {
        }

        /** Adds DNS aliases ({@code --alias}). */
        public Builder alias(String... aliases) {
            for (String a : aliases) {
                if (Objects.requireNonNull(a, "alias").isBlank()) {
                    throw new IllegalArgumentException("alias must not be blank");
                }
                this.aliases.add(a);
            }
            return this;
        }

        /** A static IPv4 address ({@code --ip}). */
        public Builder ip(String ipv4) {
            this.ip = Objects.requireNonNull(ipv4, "ipv4");
            return this;
        }

        /** A static IPv6 address ({@code --ip6}). */
        public Builder ip6(String ipv6) {
            this.ip6 = Objects.requireNonNull(ipv6, "ipv6");
            return this;
        }

        /** The immutable endpoint spec. */
        public EndpointSpec build() {
            return new EndpointSpec(aliases, Optional.ofNullable(ip), Optional.ofNullable(ip6));
        }
    }
}
