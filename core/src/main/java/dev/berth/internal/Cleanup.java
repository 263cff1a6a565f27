package dev.berth.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.berth.BerthException;
import dev.berth.CleanupReport;
import dev.berth.Labels;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes everything carrying a session label: containers first (with their anonymous volumes), then networks and
 * volumes. A session's heartbeat volume ({@link Labels#LEASE}) is left to its {@link Heartbeat}, which removes it last.
 */
public final class Cleanup {
    private Cleanup() {
    }

    /** Removes the resources of one engine session. */
    public static CleanupReport session(DockerClient client, String sessionId) {
        return byLabel(client, Labels.SESSION + "=" + sessionId);
    }

    /** Removes every container, network and volume matching the label filter ({@code key} or {@code key=value}). */
    public static CleanupReport byLabel(DockerClient client, String labelFilter) {
        List<String> failures = new ArrayList<>();
        List<String> containers = new ArrayList<>();
        for (Container c : client.listContainersCmd().withShowAll(true)
                .withFilter("label", List.of(labelFilter)).exec()) {
            try {
                client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                containers.add(c.getId());
            } catch (NotFoundException gone) {
                containers.add(c.getId());
            } catch (RuntimeException e) {
                // A container with --rm may be "already in progress" of removal; the engine finishes it.
                if (!Errors.rootMessage(e).contains("already in progress")) {
                    failures.add("container " + c.getId() + ": " + Errors.rootMessage(e));
                }
            }
        }
        List<String> networks = new ArrayList<>();
        for (Network n : client.listNetworksCmd().withFilter("label", List.of(labelFilter)).exec()) {
            try {
                client.removeNetworkCmd(n.getId()).exec();
                networks.add(n.getId());
            } catch (NotFoundException gone) {
                networks.add(n.getId());
            } catch (RuntimeException e) {
                failures.add("network " + n.getName() + ": " + Errors.rootMessage(e));
            }
        }
        List<String> volumes = new ArrayList<>();
        var listed = client.listVolumesCmd().withFilter("label", List.of(labelFilter)).exec().getVolumes();
        for (InspectVolumeResponse v : listed == null ? List.<InspectVolumeResponse>of() : listed) {
            if (v.getLabels() != null && v.getLabels().containsKey(Labels.LEASE)) {
                continue;
            }
            try {
                client.removeVolumeCmd(v.getName()).exec();
                volumes.add(v.getName());
            } catch (NotFoundException gone) {
                volumes.add(v.getName());
            } catch (RuntimeException e) {
                failures.add("volume " + v.getName() + ": " + Errors.rootMessage(e));
            }
        }
        if (!failures.isEmpty()) {
            throw new BerthException("Cleanup of resources labelled " + labelFilter + " left " + failures.size()
                    + " behind: " + failures + "; remove them by hand with docker rm/network rm/volume rm");
        }
        return new CleanupReport(containers, networks, volumes);
    }
}
