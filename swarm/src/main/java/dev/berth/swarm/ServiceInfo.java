package dev.berth.swarm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service as {@code docker service inspect} shows it.
 *
 * @param id             the service's id
 * @param name           its name
 * @param version        the version index an update must quote (the version handshake)
 * @param createdAt      when it was created
 * @param updatedAt      when its spec last changed
 * @param spec           its current spec
 * @param previousSpec   the spec before the last update, what a rollback returns to
 * @param updateStatus   its last rolling update, if any
 * @param runningTasks   tasks running now
 * @param desiredTasks   tasks wanted
 * @param virtualIps     its virtual IP (CIDR) per network id
 * @param publishedPorts the ports as published, with the ports the swarm picked
 */
public record ServiceInfo(String id, String name, long version, Instant createdAt, Instant updatedAt,
                          ServiceSpec spec, Optional<ServiceSpec> previousSpec, Optional<UpdateStatus> updateStatus,
                          int runningTasks, int desiredTasks, Map<String, String> virtualIps,
                          List<ServicePort> publishedPorts) {
    public ServiceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        virtualIps = Map.copyOf(virtualIps);
        publishedPorts = List.copyOf(publishedPorts);
    }
}
