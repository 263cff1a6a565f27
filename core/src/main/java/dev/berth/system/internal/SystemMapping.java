package dev.berth.system.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.internal.JsonValues;
import dev.berth.system.DiskUsage;
import dev.berth.system.SwarmState;
import dev.berth.system.SystemInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Engine API JSON of {@code /info} and {@code /system/df} to Berth values; pure. */
public final class SystemMapping {
    private SystemMapping() {
    }

    /** {@code GET /info}. */
    public static SystemInfo info(JsonNode i) {
        JsonNode swarm = i.path("Swarm");
        Map<String, String> labels = new LinkedHashMap<>();
        for (String l : JsonValues.list(i.path("Labels"))) {
            int eq = l.indexOf('=');
            labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
        }
        String root = i.path("DockerRootDir").asText("");
        return new SystemInfo(i.path("ID").asText(""), i.path("Name").asText(""), i.path("ServerVersion").asText(""),
                i.path("Containers").asInt(), i.path("ContainersRunning").asInt(), i.path("ContainersPaused").asInt(),
                i.path("ContainersStopped").asInt(), i.path("Images").asInt(), i.path("Driver").asText(""),
                SwarmState.parse(swarm.path("LocalNodeState").asText("")), swarm.path("NodeID").asText(""),
                swarm.path("ControlAvailable").asBoolean(), i.path("OperatingSystem").asText(""),
                i.path("OSType").asText(""), i.path("Architecture").asText(""), i.path("KernelVersion").asText(""),
                i.path("NCPU").asInt(), i.path("MemTotal").asLong(), root.isEmpty() ? Path.of("") : Path.of(root),
                i.path("CgroupDriver").asText(""), i.path("CgroupVersion").asText(""), labels,
                JsonValues.list(i.path("Warnings")));
    }

    /** {@code GET /system/df}; images report {@code VirtualSize} up to API 1.43 and only {@code Size} after. */
    public static DiskUsage diskUsage(JsonNode d) {
        List<DiskUsage.ImageUsage> images = new ArrayList<>();
        for (JsonNode i : d.path("Images")) {
            long size = i.hasNonNull("VirtualSize") ? i.get("VirtualSize").asLong() : i.path("Size").asLong();
            images.add(new DiskUsage.ImageUsage(i.path("Id").asText(""), JsonValues.list(i.path("RepoTags")), size,
                    i.path("SharedSize").asLong(-1), i.path("Containers").asInt(), JsonValues.epochSeconds(i.path("Created")),
                    JsonValues.strings(i.path("Labels"))));
        }
        List<DiskUsage.ContainerUsage> containers = new ArrayList<>();
        for (JsonNode c : d.path("Containers")) {
            List<String> names = JsonValues.list(c.path("Names")).stream().map(n -> n.replaceFirst("^/", "")).toList();
            containers.add(new DiskUsage.ContainerUsage(c.path("Id").asText(""), names, c.path("Image").asText(""),
                    c.path("State").asText(""), c.path("SizeRw").asLong(), c.path("SizeRootFs").asLong()));
        }
        List<DiskUsage.VolumeUsage> volumes = new ArrayList<>();
        for (JsonNode v : d.path("Volumes")) {
            JsonNode u = v.path("UsageData");
            volumes.add(new DiskUsage.VolumeUsage(v.path("Name").asText(""), v.path("Driver").asText(""),
                    u.path("Size").asLong(-1), u.path("RefCount").asInt(-1), JsonValues.strings(v.path("Labels"))));
        }
        List<DiskUsage.BuildCacheUsage> cache = new ArrayList<>();
        for (JsonNode b : d.path("BuildCache")) {
            Optional<Instant> lastUsed = JsonValues.time(b.path("LastUsedAt").asText(""));
            cache.add(new DiskUsage.BuildCacheUsage(b.path("ID").asText(""), b.path("Type").asText(""),
                    b.path("Description").asText(""), b.path("Size").asLong(), b.path("InUse").asBoolean(),
                    b.path("Shared").asBoolean(), lastUsed, b.path("UsageCount").asInt()));
        }
        return new DiskUsage(d.path("LayersSize").asLong(), images, containers, volumes, cache);
    }
}
