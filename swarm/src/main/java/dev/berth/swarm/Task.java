package dev.berth.swarm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of a service, as {@code docker service ps} shows it.
 *
 * @param id           the task's id
 * @param serviceId    its service's id
 * @param serviceName  its service's name
 * @param slot         the replica slot (1…n) of a replicated service; 0 for global tasks
 * @param nodeId       the node it is assigned to; empty before scheduling
 * @param desiredState what the orchestrator wants (running, shutdown, …)
 * @param state        what the node reports
 * @param message      the state's message ("started", "preparing", …)
 * @param error        why the task failed, if it did
 * @param exitCode     the container's exit code once it exited
 * @param containerId  the container on the node, once created
 * @param since        when the task entered {@code state} (engine clock)
 * @param createdAt    when the task was created
 * @param image        the image it runs
 * @param addresses    its addresses (CIDR) per network name
 * @param ports        ports published in host mode on its node, with the port the node picked
 */
public record Task(String id, String serviceId, String serviceName, int slot, Optional<String> nodeId,
                   TaskState desiredState, TaskState state, String message, Optional<String> error,
                   Optional<Integer> exitCode, Optional<String> containerId, Instant since, Instant createdAt,
                   String image, Map<String, List<String>> addresses, List<ServicePort> ports) {
    public Task {
        Objects.requireNonNull(id, "id");
        addresses = Map.copyOf(addresses);
        ports = List.copyOf(ports);
    }

    /** The node port a host-mode published {@code target} port got, if any. */
    public Optional<Integer> publishedPort(int target) {
        return ports.stream().filter(p -> p.target() == target).findFirst().flatMap(ServicePort::published);
    }

    /** The name {@code docker service ps} shows: {@code service.slot} or {@code service.nodeId}. */
    public String name() {
        return serviceName + "." + (slot > 0 ? String.valueOf(slot) : nodeId.orElse(id));
    }

    /** The task's IPv4 address on the named network, without the prefix length. */
    public Optional<String> ip(String network) {
        List<String> a = addresses.getOrDefault(network, List.of());
        return a.isEmpty() ? Optional.empty() : Optional.of(a.get(0).replaceFirst("/.*", ""));
    }

    /** Whether the orchestrator wants this task running and it runs. */
    public boolean isRunning() {
        return state == TaskState.RUNNING && !desiredState.isTerminal();
    }

    @Override
    public String toString() {
        return name() + " " + id.substring(0, Math.min(12, id.length())) + " on " + nodeId.map(n ->
                n.substring(0, Math.min(12, n.length()))).orElse("-") + ": " + state.wireName() + " (desired "
                + desiredState.wireName() + ")" + error.map(e -> ": " + e).orElse("");
    }
}
