package dev.berth.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code docker image inspect} reports, in typed form.
 *
 * @param id           the image id ({@code sha256:…})
 * @param tags         the references tagged on it
 * @param sizeBytes    its size
 * @param created      the creation time as the engine reports it
 * @param labels       labels
 * @param env          environment, {@code KEY=VALUE}
 * @param cmd          the default command
 * @param entrypoint   the entrypoint
 * @param user         the default user, empty for root
 * @param workdir      the working directory
 * @param exposedPorts exposed ports such as {@code 80/tcp}
 * @param volumes      declared volumes
 * @param healthCheck  the health check test, if any
 * @param stopSignal   the stop signal, if any
 * @param digests      registry digests ({@code repo@sha256:…}), set once pushed or pulled
 * @param parentId     the parent image id, empty for pulled, loaded or imported images
 * @param os           the operating system, e.g. {@code linux}
 * @param architecture the CPU architecture, e.g. {@code amd64}
 */
public record ImageInfo(String id, List<String> tags, long sizeBytes, String created, Map<String, String> labels,
                        List<String> env, List<String> cmd, List<String> entrypoint, String user, String workdir,
                        List<String> exposedPorts, List<String> volumes, Optional<List<String>> healthCheck,
                        Optional<String> stopSignal, List<String> digests, String parentId, String os,
                        String architecture) {
    public ImageInfo {
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        env = List.copyOf(env);
        cmd = List.copyOf(cmd);
        entrypoint = List.copyOf(entrypoint);
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
        digests = List.copyOf(digests);
    }
}
