package dev.berth.junit.testcontainers;

import dev.berth.network.Network;

import java.util.Objects;

/**
 * A Berth network as a Testcontainers network, so a {@code GenericContainer} joins it:
 * {@code new GenericContainer<>(image).withNetwork(BerthNetwork.of(network)).withNetworkAliases("api")}. Berth owns
 * the network: {@link #close()} leaves it, for whoever created it (a {@code @Managed} fixture, a try-with-resources)
 * to remove.
 */
public final class BerthNetwork implements org.testcontainers.containers.Network {
    private final Network network;

    private BerthNetwork(Network network) {
        this.network = network;
    }

    /** Wraps a network created through Berth. */
    public static BerthNetwork of(Network network) {
        return new BerthNetwork(Objects.requireNonNull(network, "network"));
    }

    /** The engine's id of the network, which Testcontainers uses as the container's network mode. */
    @Override
    public String getId() {
        return network.id();
    }

    /** Does nothing: the Berth side owns the network. */
    @Override
    public void close() {
        // owned by Berth
    }

    /** The Berth network. */
    public Network network() {
        return network;
    }

    @Override
    public String toString() {
        return "BerthNetwork[" + network.name() + "]";
    }
}
