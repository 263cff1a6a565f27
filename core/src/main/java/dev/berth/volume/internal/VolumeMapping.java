package dev.berth.volume.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.internal.JsonValues;
import dev.berth.volume.VolumeInfo;
import dev.berth.volume.VolumeSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Volume specs to Engine API bodies and Engine API JSON to volume values; pure. */
public final class VolumeMapping {
    private VolumeMapping() {
    }

    /** The body of {@code POST /volumes/create}, as {@code docker volume create} sends it; maps sorted by key. */
    public static Map<String, Object> createBody(VolumeSpec spec, Map<String, String> berthLabels) {
        Map<String, Object> body = new LinkedHashMap<>();
        spec.name().ifPresent(n -> body.put("Name", n));
        body.put("Driver", spec.driver());
        body.put("DriverOpts", new TreeMap<>(spec.options()));
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.putAll(berthLabels);
        body.put("Labels", labels);
        return body;
    }

    /** A volume from {@code GET /volumes/{name}} or one element of {@code GET /volumes}. */
    public static VolumeInfo info(JsonNode v) {
        String mountpoint = v.path("Mountpoint").asText("");
        return new VolumeInfo(v.path("Name").asText(""), v.path("Driver").asText(""),
                mountpoint.isEmpty() ? Path.of("") : Path.of(mountpoint), v.path("Scope").asText(""),
                JsonValues.time(v.path("CreatedAt").asText("")), JsonValues.strings(v.path("Options")),
                JsonValues.strings(v.path("Labels")));
    }
}
