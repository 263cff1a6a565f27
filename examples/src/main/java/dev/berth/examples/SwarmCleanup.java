package dev.berth.examples;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.network.Network;

import java.time.Duration;
import java.util.Optional;

/**
 * What the swarm walk-through waits for when it tidies up: a removed service's task containers stop and go in the
 * background, and {@code docker swarm leave} leaves the {@code docker_gwbridge} network that {@code swarm init} made.
 */
final class SwarmCleanup {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private SwarmCleanup() {
    }

    /** Waits, at most a minute, until no container of the service is left. */
    static void awaitContainersGone(Engine engine, String service) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!engine.containers().all().label("com.docker.swarm.service.name", service).list().isEmpty()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("The task containers of service " + service + " were still there "
                        + LIMIT.toSeconds() + " s after `docker service rm`");
            }
            // The engine removes a removed service's containers on its own, with no event to wait for per task.
            Thread.sleep(200);
        }
    }

    /**
     * Removes {@code docker_gwbridge} once nothing uses it any more, so the engine ends as it began; bounded to a
     * minute (the swarm's own sandboxes let go of it shortly after leaving).
     */
    static void removeGatewayBridge(Engine engine) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Optional<Network> bridge = engine.networks().find("docker_gwbridge");
            if (bridge.isEmpty()) {
                return;
            }
            try {
                bridge.get().remove();
                return;
            } catch (BerthException stillInUse) {
                if (System.nanoTime() > end) {
                    throw stillInUse;
                }
            }
            // Leaving the swarm releases its endpoints on the bridge asynchronously.
            Thread.sleep(250);
        }
    }
}
