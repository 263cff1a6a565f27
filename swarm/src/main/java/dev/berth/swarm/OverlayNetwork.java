package dev.berth.swarm;

import dev.berth.swarm.internal.SwarmApi;

import java.util.Objects;

/** A handle on an overlay network of the swarm. */
public final class OverlayNetwork {
    private final SwarmApi api;
    private final String id;
    private final String name;

    OverlayNetwork(SwarmApi api, String id, String name) {
        this.api = api;
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The network's id. */
    public String id() {
        return id;
    }

    /** The network's name. */
    public String name() {
        return name;
    }

    /** Removes the network ({@code docker network rm}); the engine refuses while tasks use it. */
    public void remove() {
        api.delete("/networks/" + id, "network", name, "remove");
    }

    @Override
    public String toString() {
        return "OverlayNetwork[" + name + ", " + id + "]";
    }
}
