package dev.berth.container.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerState;
import dev.berth.container.HealthStatus;
import dev.berth.container.MountPoint;
import dev.berth.container.NetworkEndpoint;
import dev.berth.container.Protocol;
import dev.berth.container.PublishedPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps docker-java's inspect response to {@link ContainerInfo}. */
public final class InspectMapping {
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
    /** As docker-java reads engine answers: fields its model lacks are skipped. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private InspectMapping() {
    }

    /** Reads {@code GET /containers/{id}/json} into docker-java's model. */
    public static InspectContainerResponse parse(byte[] body) {
        try {
            return JSON.readValue(body, InspectContainerResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The engine's container inspect answer is unreadable: " + e.getMessage(), e);
        }
    }

    public static ContainerInfo map(InspectContainerResponse r) {
        InspectContainerResponse.ContainerState s = r.getState();
        String name = r.getName() == null ? "" : r.getName().replaceFirst("^/", "");
        HealthStatus health = s.getHealth() == null ? HealthStatus.NONE : HealthStatus.parse(s.getHealth().getStatus());
        List<String> command = new ArrayList<>();
        if (r.getPath() != null && !r.getPath().isEmpty()) {
            command.add(r.getPath());
        }
        if (r.getArgs() != null) {
            command.addAll(List.of(r.getArgs()));
        }
        var config = r.getConfig();
        return new ContainerInfo(r.getId(), name, config == null || config.getImage() == null ? "" : config.getImage(),
                r.getImageId() == null ? "" : r.getImageId(),
                s.getStatus() == null ? ContainerState.CREATED : ContainerState.parse(s.getStatus()),
                s.getExitCodeLong() == null ? 0 : s.getExitCodeLong().intValue(), health,
                Boolean.TRUE.equals(s.getOOMKilled()), s.getError() == null ? "" : s.getError(),
                time(s.getStartedAt()), time(s.getFinishedAt()),
                r.getRestartCount() == null ? 0 : r.getRestartCount(),
                ports(r), networks(r), mounts(r),
                config == null || config.getLabels() == null ? Map.of() : config.getLabels(),
                config == null || config.getEnv() == null ? List.of() : List.of(config.getEnv()), command,
                config == null || config.getHostName() == null ? "" : config.getHostName(),
                config == null || config.getUser() == null ? "" : config.getUser());
    }

    private static Optional<Instant> time(String t) {
        if (t == null || t.isEmpty() || t.equals(ZERO_TIME)) {
            return Optional.empty();
        }
        return Optional.of(Instant.parse(t));
    }

    private static List<PublishedPort> ports(InspectContainerResponse r) {
        List<PublishedPort> out = new ArrayList<>();
        if (r.getNetworkSettings() == null || r.getNetworkSettings().getPorts() == null) {
            return out;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : r.getNetworkSettings().getPorts().getBindings().entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            for (Ports.Binding b : e.getValue()) {
                if (b.getHostPortSpec() == null || b.getHostPortSpec().isEmpty()) {
                    continue;
                }
                out.add(new PublishedPort(e.getKey().getPort(), Protocol.parse(e.getKey().getProtocol().toString()),
                        b.getHostIp() == null ? "" : b.getHostIp(), Integer.parseInt(b.getHostPortSpec())));
            }
        }
        return out;
    }

    private static Map<String, NetworkEndpoint> networks(InspectContainerResponse r) {
        Map<String, NetworkEndpoint> out = new LinkedHashMap<>();
        if (r.getNetworkSettings() == null || r.getNetworkSettings().getNetworks() == null) {
            return out;
        }
        for (Map.Entry<String, ContainerNetwork> e : r.getNetworkSettings().getNetworks().entrySet()) {
            ContainerNetwork n = e.getValue();
            out.put(e.getKey(), new NetworkEndpoint(orEmpty(n.getNetworkID()), orEmpty(n.getIpAddress()),
                    orEmpty(n.getGlobalIPv6Address()), orEmpty(n.getMacAddress()), orEmpty(n.getGateway()),
                    n.getAliases() == null ? List.of() : n.getAliases()));
        }
        return out;
    }

    private static List<MountPoint> mounts(InspectContainerResponse r) {
        List<MountPoint> out = new ArrayList<>();
        if (r.getMounts() == null) {
            return out;
        }
        for (InspectContainerResponse.Mount m : r.getMounts()) {
            String type = m.getRawValues() != null && m.getRawValues().get("Type") != null
                    ? String.valueOf(m.getRawValues().get("Type")) : (m.getName() != null ? "volume" : "bind");
            out.add(new MountPoint(type, orEmpty(m.getName()), orEmpty(m.getSource()),
                    m.getDestination() == null ? "" : m.getDestination().getPath(), Boolean.TRUE.equals(m.getRW())));
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
