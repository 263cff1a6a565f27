package dev.berth.network.internal;

import dev.berth.internal.Connection;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.network.NetworkSpec;

/** Engine calls for networks that have no handle yet. */
public final class NetworkCalls {
    private NetworkCalls() {
    }

    /** Creates the network with the session's labels added and returns its id; blocks until the engine answers. */
    public static String create(Connection conn, NetworkSpec spec) {
        try {
            String id = RawApi.callJson(conn, "POST", "/networks/create",
                    NetworkMapping.createBody(spec, conn.labels())).json().path("Id").asText();
            return id;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "network", spec.name(), "create");
        }
    }
}
