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

    /**
     * Removes docker_gwbridge once no container uses it. Task containers and the ingress sandbox go away on their own
     * after leaving, but slowly on a loaded machine, so left-over task containers are removed first. The bridge is
     * the engine's, not Berth's: if it is still busy after 30 s it is left in place with a note, not a failure.
     */
    static void removeGatewayBridge(Engine engine) {
        for (var c : engine.dockerClient().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.List.of("com.docker.swarm.task.id")).exec()) {
            try {
                engine.dockerClient().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException alreadyGone) {
                // the engine is removing it itself
            }
        }
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                engine.dockerClient().removeNetworkCmd("docker_gwbridge").exec();
                return;
            } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
                return;
            } catch (RuntimeException inUse) {
                if (Instant.now().isAfter(end)) {
                    System.err.println("note: docker_gwbridge still in use 30 s after leaving the swarm; left in place: "
                            + inUse.getMessage());
                    return;
                }
                sleep(250);
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
