package dev.berth.swarm.testing;

import dev.berth.Engine;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.SwarmInit;
import dev.berth.swarm.SwarmState;

import java.time.Duration;
import java.time.Instant;

/**
 * Puts the shared CI engine into swarm mode for one test class and takes it out again. Other engineers' tests share
 * the engine, so the window is kept short: {@link #start} in {@code @BeforeAll}, {@link #stop} in {@code @AfterAll},
 * which leaves with force (removing every service, secret, config and overlay network) and removes the
 * {@code docker_gwbridge} network swarm mode created, so the engine ends as it began.
 */
public final class SingleNodeSwarm {
    private SingleNodeSwarm() {
    }

    /** Initialises a single-node swarm, first leaving a stale one a crashed run may have left. */
    public static Swarm start(Engine engine) {
        Swarm swarm = Swarm.on(engine);
        if (swarm.info().state() != SwarmState.INACTIVE) {
            swarm.leave(true);
            awaitInactive(swarm);
        }
        swarm.init(SwarmInit.builder().taskHistoryLimit(2).build());
        return swarm;
    }

    /** Leaves with force and removes docker_gwbridge; the engine ends with swarm mode inactive. */
    public static void stop(Engine engine) {
        Swarm swarm = Swarm.on(engine);
        if (swarm.info().state() != SwarmState.INACTIVE) {
            swarm.leave(true);
        }
        awaitInactive(swarm);
        removeGatewayBridge(engine);
    }

    private static void awaitInactive(Swarm swarm) {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (swarm.info().state() != SwarmState.INACTIVE) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("swarm mode did not end within 30 s: " + swarm.info());
            }
            sleep(100);
        }
    }

    /** Removes docker_gwbridge once no container uses it (task containers go away shortly after leaving). */
    static void removeGatewayBridge(Engine engine) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try {
                engine.dockerClient().removeNetworkCmd("docker_gwbridge").exec();
                return;
            } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
                return;
            } catch (RuntimeException inUse) {
                if (Instant.now().isAfter(end)) {
                    throw new AssertionError("docker_gwbridge is still in use 20 s after leaving the swarm", inUse);
                }
                sleep(200);
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
