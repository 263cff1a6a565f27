package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.container.Container;
import dev.berth.container.ContainerInfo;
import dev.berth.container.HealthStatus;
import dev.berth.events.EngineEvent;
import dev.berth.events.EventStream;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits for the health check to report healthy. Subscribes to the container's events first, then reads the current
 * state, so a transition between the two is never missed; no polling.
 */
record HealthyWait(Duration timeout) implements WaitStrategy {

    @Override
    public void waitUntilReady(Container container, Deadline outer) {
        Deadline deadline = outer.atMost(timeout);
        try (EventStream events = container.engine().events().type("container").container(container.id()).open()) {
            ContainerInfo info = container.inspect();
            if (info.health() == HealthStatus.HEALTHY) {
                return;
            }
            if (info.health() == HealthStatus.NONE) {
                throw new BerthException("Container '" + container.name() + "' has no health check, so it can never"
                        + " become healthy; add one with .healthCheck(HealthCheck.shell(…)) or wait for something else");
            }
            Waits.failIfExited(container, describe());
            String last = "health " + info.health().name().toLowerCase();
            while (true) {
                Optional<EngineEvent> e = events.next(deadline.remaining());
                if (e.isEmpty()) {
                    throw Waits.timeout(container, describe(), deadline, last);
                }
                String action = e.get().action();
                if (action.equals("health_status: healthy")) {
                    return;
                }
                if (action.startsWith("health_status")) {
                    last = action;
                } else if (action.equals("die")) {
                    throw new BerthException("Container '" + container.name() + "' exited (code "
                            + e.get().attribute("exitCode") + ") before becoming healthy; check its logs");
                }
            }
        }
    }

    @Override
    public WaitStrategy withTimeout(Duration t) {
        return new HealthyWait(Waits.checkTimeout(t));
    }

    @Override
    public String describe() {
        return "health status healthy";
    }
}
