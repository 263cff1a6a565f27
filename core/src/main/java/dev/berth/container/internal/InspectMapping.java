package dev.berth.container.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerState;
import dev.berth.container.HealthStatus;
import dev.berth.container.MountPoint;
import dev.berth.container.NetworkEndpoint;
import dev.berth.container.Protocol;
import dev.berth.container.PublishedPort;
import dev.berth.internal.JsonValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the engine's container inspect JSON ({@code GET /containers/ID/json}) to {@link ContainerInfo}. */
public final class InspectMapping {
    private InspectMapping() {
    }

    public static ContainerInfo map(JsonNode r) {
        JsonNode s = r.path("State");
        JsonNode config = r.path("Config");
        String health = s.path("Health").path("Status").asText("");
        List<String> command = new ArrayList<>();
        if (!r.path("Path").asText("").isEmpty()) {
            command.add(r.path("Path").asText());
        }
        command.addAll(JsonValues.list(r.path("Args")));
        String status = s.path("Status").asText("");
        return new ContainerInfo(r.path("Id").asText(""), r.path("Name").asText("").replaceFirst("^/", ""),
                config.path("Image").asText(""), r.path("Image").asText(""),
                status.isEmpty() ? ContainerState.CREATED : ContainerState.parse(status),
                s.path("ExitCode").asInt(0), health.isEmpty() ? HealthStatus.NONE : HealthStatus.parse(health),
                s.path("OOMKilled").asBoolean(false), s.path("Error").asText(""),
                JsonValues.time(s.path("StartedAt").asText(null)), JsonValues.time(s.path("FinishedAt").asText(null)),
                r.path("RestartCount").asInt(0), ports(r.path("NetworkSettings").path("Ports")),
                networks(r.path("NetworkSettings").path("Networks")), mounts(r.path("Mounts")),
                JsonValues.strings(config.path("Labels")), JsonValues.list(config.path("Env")), command,
                config.path("Hostname").asText(""), config.path("User").asText(""));
    }

    private static List<PublishedPort> ports(JsonNode ports) {
        List<PublishedPort> out = new ArrayList<>();
        ports.fields().forEachRemaining(e -> {
            String[] key = e.getKey().split("/", 2);
            for (JsonNode b : e.getValue()) {
                String hostPort = b.path("HostPort").asText("");
                if (!hostPort.isEmpty()) {
                    out.add(new PublishedPort(Integer.parseInt(key[0]), Protocol.parse(key.length > 1 ? key[1] : "tcp"),
                            b.path("HostIp").asText(""), Integer.parseInt(hostPort)));
                }
            }
        });
        return out;
    }

    private static Map<String, NetworkEndpoint> networks(JsonNode networks) {
        Map<String, NetworkEndpoint> out = new LinkedHashMap<>();
        networks.fields().forEachRemaining(e -> {
            JsonNode n = e.getValue();
            out.put(e.getKey(), new NetworkEndpoint(n.path("NetworkID").asText(""), n.path("IPAddress").asText(""),
                    n.path("GlobalIPv6Address").asText(""), n.path("MacAddress").asText(""),
                    n.path("Gateway").asText(""), JsonValues.list(n.path("Aliases"))));
        });
        return out;
    }

    private static List<MountPoint> mounts(JsonNode mounts) {
        List<MountPoint> out = new ArrayList<>();
        for (JsonNode m : mounts) {
            String name = m.path("Name").asText("");
            String type = m.path("Type").asText(name.isEmpty() ? "bind" : "volume");
            out.add(new MountPoint(type, name, m.path("Source").asText(""), m.path("Destination").asText(""),
                    m.path("RW").asBoolean(false)));
        }
        return out;
    }
}
