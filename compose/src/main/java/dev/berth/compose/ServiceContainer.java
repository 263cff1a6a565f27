package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.PublishedPort;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One container of a Compose project, as {@code docker compose ps} shows it.
 *
 * @param id      the container id
 * @param name    the container name, e.g. {@code demo-web-1}
 * @param service the service it belongs to
 * @param number  its replica number ({@code com.docker.compose.container-number}); 0 for one-off containers
 * @param state   the engine's state: created, running, paused, restarting, exited, dead
 * @param health  healthy, unhealthy or starting; empty when it has no health check
 * @param status  the engine's human status, e.g. {@code Up 3 seconds (healthy)}
 * @param ports   published ports
 * @param oneoff  whether {@code run} created it
 */
public record ServiceContainer(String id, String name, String service, int number, String state, String health,
                               String status, List<PublishedPort> ports, boolean oneoff, Engine engine) {
    public ServiceContainer {
        Objects.requireNonNull(id, "id");
        ports = List.copyOf(ports);
    }

    /** Whether the container is running. */
    public boolean isRunning() {
        return state.equals("running");
    }

    /** The host port a container port is published on, if it is. */
    public Optional<Integer> hostPort(int containerPort) {
        return ports.stream().filter(p -> p.containerPort() == containerPort && p.hostPort() > 0)
                .map(PublishedPort::hostPort).findFirst();
    }

    /** A handle on the container, for logs, exec, inspect and the rest of the container API. */
    public Container container() {
        return new Container(engine, id, name);
    }

    @Override
    public String toString() {
        return name + " (" + service + ", " + state + (health.isEmpty() ? "" : ", " + health) + ")";
    }
}
