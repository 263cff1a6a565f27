package dev.berth.network.internal;

import dev.berth.BerthException;
import dev.berth.internal.Connection;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.network.NetworkSpec;

import java.time.Duration;
import java.util.Set;

/** Engine calls for networks that have no handle yet. */
public final class NetworkCalls {
    /** Drivers whose networks are local to one engine: nothing for a swarm manager to allocate. */
    private static final Set<String> LOCAL_DRIVERS = Set.of("bridge", "macvlan", "ipvlan", "host", "null");
    private static final Duration ALLOCATION_TIMEOUT = Duration.ofSeconds(30);

    private NetworkCalls() {
    }

    /**
     * Creates the network with the session's labels added and returns its id; blocks until the engine answers and,
     * for a swarm-scoped network, until the swarm has allocated it.
     */
    public static String create(Connection conn, NetworkSpec spec) {
        try {
            String id = RawApi.callJson(conn, "POST", "/networks/create",
                    NetworkMapping.createBody(spec, conn.labels())).json().path("Id").asText();
            if (!LOCAL_DRIVERS.contains(spec.driver())) {
                awaitAllocated(conn, id, spec.name());
            }
            return id;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "network", spec.name(), "create");
        }
    }

    /**
     * Waits until the engine reports the driver of a swarm-scoped network. A manager stores a new overlay network at
     * once, but swarmkit's network allocator fills in its driver state a moment later; until then
     * {@code docker network inspect} shows an empty driver and containers cannot attach. The engine sends no event for
     * that allocation, so this polls the network with a short back-off (a few milliseconds on an idle engine).
     * Local networks, and networks of engines that are not swarm managers, return at once. If the wait fails, the
     * network is removed, so that nothing is left half-created.
     */
    public static void awaitAllocated(Connection conn, String id, String name) {
        try {
            pollUntilAllocated(conn, id, name);
        } catch (RuntimeException e) {
            try {
                RawApi.call(conn, "DELETE", "/networks/" + RawApi.q(id), null);
            } catch (RuntimeException removal) {
                e.addSuppressed(removal);
            }
            throw e;
        }
    }

    private static void pollUntilAllocated(Connection conn, String id, String name) {
        long deadline = System.nanoTime() + ALLOCATION_TIMEOUT.toNanos();
        long pauseMillis = 5;
        while (true) {
            var n = RawApi.call(conn, "GET", "/networks/" + RawApi.q(id), null).json();
            if (!"swarm".equals(n.path("Scope").asText()) || !n.path("Driver").asText().isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new BerthException("Cannot create network '" + name + "': the swarm did not allocate it within "
                        + ALLOCATION_TIMEOUT.toSeconds() + " s; check that this engine's swarm has a reachable leader"
                        + " (docker node ls) and look at the engine's log");
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BerthException("Interrupted while waiting for the swarm to allocate network '"
                        + name + "'", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 200);
        }
    }
}
