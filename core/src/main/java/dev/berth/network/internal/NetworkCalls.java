package dev.berth.network.internal;

import dev.berth.Engine;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.network.Network;
import dev.berth.network.NetworkSpec;

/** Engine calls for networks that have no handle yet. */
public final class NetworkCalls {
    private NetworkCalls() {
    }

    /** Creates the network with the engine's labels added; blocks until the engine answers. */
    public static Network create(Engine engine, NetworkSpec spec) {
        try {
            String id = RawApi.callJson(engine, "POST", "/networks/create",
                    NetworkMapping.createBody(spec, engine.labels())).json().path("Id").asText();
            return new Network(engine, id, spec.name());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "network", spec.name(), "create");
        }
    }
}
