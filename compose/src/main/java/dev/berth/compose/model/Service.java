package dev.berth.compose.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service, fully normalized: environment resolved (values null for variables left unset), ports and volumes in long
 * form, implicit dependencies added, relative paths made absolute. Unset optional values are null, unset collections
 * empty. {@code raw} is the complete canonical definition, so keys not typed here are never lost.
 */
public record Service(String name, String image, Build build, List<String> command, List<String> entrypoint,
                      Map<String, String> environment, List<Port> ports, List<String> expose, List<Mount> volumes,
                      List<String> tmpfs, Map<String, ServiceNetwork> networks, String networkMode,
                      Map<String, Dependency> dependsOn, Healthcheck healthcheck, String restart, Deploy deploy,
                      Map<String, String> labels, String containerName, String hostname, String domainname, String user,
                      String workingDir, String stopSignal, Duration stopGracePeriod, List<FileMount> secrets,
                      List<FileMount> configs, List<String> capAdd, List<String> capDrop, boolean privileged,
                      List<String> extraHosts, List<String> dns, List<String> dnsSearch, Logging logging,
                      Map<String, Ulimit> ulimits, Map<String, String> sysctls, List<String> profiles, Integer scale,
                      String pullPolicy, String platform, Boolean init, boolean tty, boolean stdinOpen, boolean readOnly,
                      String ipc, String pid, List<String> links, List<String> volumesFrom, List<String> securityOpt,
                      String shmSizeBytes, Map<String, Object> extensions, Map<String, Object> raw) {

    /** The number of containers to run: {@code scale}, else {@code deploy.replicas}, else 1. */
    public int replicas() {
        if (scale != null) {
            return scale;
        }
        if (deploy != null && deploy.replicas() != null) {
            return deploy.replicas();
        }
        return 1;
    }

    @Override
    public String toString() {
        return "Service[name=" + name + ", image=" + image + "]";
    }
}
