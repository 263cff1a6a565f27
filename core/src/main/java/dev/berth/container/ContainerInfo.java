package dev.berth.container;

import dev.berth.Labels;
import dev.berth.internal.Secrets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code docker inspect} reports about a container, in typed form.
 *
 * @param id           the full container id
 * @param name         the name, without the leading slash
 * @param image        the image reference the container was created from
 * @param imageId      the image id
 * @param state        the lifecycle state
 * @param exitCode     the last exit code (0 while running)
 * @param health       the health status, NONE without a health check
 * @param oomKilled    whether the kernel killed it for memory
 * @param error        the engine's error for the last start, empty if none
 * @param startedAt    when it last started, if ever
 * @param finishedAt   when it last exited, if ever
 * @param restartCount how often the engine restarted it
 * @param ports        published ports
 * @param networks     network name → endpoint
 * @param mounts       mounts
 * @param labels       labels
 * @param env          environment, {@code KEY=VALUE}
 * @param command      entrypoint and command as the engine runs them
 * @param hostname     the host name
 * @param user         the user, empty for the image default
 */
public record ContainerInfo(String id, String name, String image, String imageId, ContainerState state, int exitCode,
                            HealthStatus health, boolean oomKilled, String error, Optional<Instant> startedAt,
                            Optional<Instant> finishedAt, int restartCount, List<PublishedPort> ports,
                            Map<String, NetworkEndpoint> networks, List<MountPoint> mounts, Map<String, String> labels,
                            List<String> env, List<String> command, String hostname, String user) {

    public ContainerInfo {
        ports = List.copyOf(ports);
        networks = Map.copyOf(networks);
        mounts = List.copyOf(mounts);
        labels = Map.copyOf(labels);
        env = List.copyOf(env);
        command = List.copyOf(command);
    }

    /** Whether the container is running (paused counts as running, as in the engine). */
    public boolean isRunning() {
        return state == ContainerState.RUNNING || state == ContainerState.PAUSED || state == ContainerState.RESTARTING;
    }

    /** The host port a container port is published on, for the given protocol, if published. */
    public Optional<Integer> hostPort(int containerPort, Protocol protocol) {
        return ports.stream().filter(p -> p.containerPort() == containerPort && p.protocol() == protocol)
                .map(PublishedPort::hostPort).findFirst();
    }

    /**
     * The names of the environment variables whose values are secret ({@link ContainerSpec.Builder#secretEnv}), from
     * the {@link Labels#SECRET_ENV} label; their values are in {@link #env()} but masked in {@link #toString()}.
     */
    public Set<String> secretEnv() {
        return Secrets.names(labels.get(Labels.SECRET_ENV));
    }

    /** Every component, as a record prints them, with the values of {@link #secretEnv()} masked. */
    @Override
    public String toString() {
        return "ContainerInfo[id=" + id + ", name=" + name + ", image=" + image + ", imageId=" + imageId
                + ", state=" + state + ", exitCode=" + exitCode + ", health=" + health + ", oomKilled=" + oomKilled
                + ", error=" + error + ", startedAt=" + startedAt + ", finishedAt=" + finishedAt
                + ", restartCount=" + restartCount + ", ports=" + ports + ", networks=" + networks
                + ", mounts=" + mounts + ", labels=" + labels + ", env=" + Secrets.maskEntries(env, secretEnv())
                + ", command=" + command + ", hostname=" + hostname + ", user=" + user + "]";
    }

    /** A short description for messages: state, exit code and health. */
    public String summary() {
        return state.name().toLowerCase() + (state == ContainerState.EXITED ? " (exit code " + exitCode + ")" : "")
                + (health == HealthStatus.NONE ? "" : ", health " + health.name().toLowerCase())
                + (error.isEmpty() ? "" : ", error: " + error);
    }
}
