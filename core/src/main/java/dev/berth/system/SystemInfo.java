package dev.berth.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code docker info} reports about the engine and its host.
 *
 * @param id                 the engine's id
 * @param name               the host name
 * @param serverVersion      the engine release, e.g. {@code 20.10.24}
 * @param containers         all containers
 * @param containersRunning  running containers
 * @param containersPaused   paused containers
 * @param containersStopped  stopped containers (created and exited included)
 * @param images             images, intermediate layers of the classic builder included
 * @param storageDriver      e.g. {@code overlay2}
 * @param swarm              the engine's swarm state
 * @param swarmNodeId        this node's id in the swarm, empty when inactive
 * @param swarmManager       whether this node is a swarm manager
 * @param operatingSystem    e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param osType             e.g. {@code linux}
 * @param architecture       e.g. {@code x86_64}
 * @param kernelVersion      the host kernel
 * @param cpus               CPUs the engine sees
 * @param memoryBytes        memory the engine sees
 * @param dockerRootDir      where the engine keeps its data
 * @param cgroupDriver       {@code cgroupfs} or {@code systemd}
 * @param cgroupVersion      {@code 1} or {@code 2}
 * @param labels             the engine's own labels
 * @param warnings           the warnings {@code docker info} prints
 */
public record SystemInfo(String id, String name, String serverVersion, int containers, int containersRunning,
                         int containersPaused, int containersStopped, int images, String storageDriver,
                         SwarmState swarm, String swarmNodeId, boolean swarmManager, String operatingSystem,
                         String osType, String architecture, String kernelVersion, int cpus, long memoryBytes,
                         Path dockerRootDir, String cgroupDriver, String cgroupVersion, Map<String, String> labels,
                         List<String> warnings) {
    public SystemInfo {
        labels = Map.copyOf(labels);
        warnings = List.copyOf(warnings);
    }
}
