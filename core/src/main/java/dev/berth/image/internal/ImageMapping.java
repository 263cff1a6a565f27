package dev.berth.image.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageInfo;
import dev.berth.image.ImageSummary;
import dev.berth.image.RemovedImages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Engine API JSON → Berth's image types; pure functions. */
public final class ImageMapping {
    private ImageMapping() {
    }

    /** {@code GET /images/{name}/json}. */
    public static ImageInfo info(JsonNode r) {
        JsonNode c = r.path("Config");
        JsonNode hc = c.path("Healthcheck").path("Test");
        return new ImageInfo(r.path("Id").asText(), strings(r.path("RepoTags")), r.path("Size").asLong(),
                r.path("Created").asText(""), map(c.path("Labels")), strings(c.path("Env")), strings(c.path("Cmd")),
                strings(c.path("Entrypoint")), c.path("User").asText(""), c.path("WorkingDir").asText(""),
                names(c.path("ExposedPorts")), names(c.path("Volumes")),
                hc.isArray() ? Optional.of(strings(hc)) : Optional.empty(),
                c.hasNonNull("StopSignal") ? Optional.of(c.get("StopSignal").asText()) : Optional.empty(),
                strings(r.path("RepoDigests")), r.path("Parent").asText(""), r.path("Os").asText(""),
                r.path("Architecture").asText(""));
    }

    /** One element of {@code GET /images/json}. */
    public static ImageSummary summary(JsonNode n) {
        List<String> tags = new ArrayList<>();
        for (String t : strings(n.path("RepoTags"))) {
            if (!t.equals("<none>:<none>")) {
                tags.add(t);
            }
        }
        List<String> digests = new ArrayList<>();
        for (String d : strings(n.path("RepoDigests"))) {
            if (!d.startsWith("<none>@")) {
                digests.add(d);
            }
        }
        return new ImageSummary(n.path("Id").asText(), n.path("ParentId").asText(""), tags, digests,
                Instant.ofEpochSecond(n.path("Created").asLong()), n.path("Size").asLong(), map(n.path("Labels")),
                n.path("Containers").asInt(-1));
    }

    /** One element of {@code GET /images/{name}/history}. */
    public static HistoryEntry history(JsonNode n) {
        String id = n.path("Id").asText("");
        return new HistoryEntry(id.isEmpty() || id.equals("<missing>") ? Optional.empty() : Optional.of(id),
                Instant.ofEpochSecond(n.path("Created").asLong()), n.path("CreatedBy").asText(""),
                n.path("Size").asLong(), strings(n.path("Tags")), n.path("Comment").asText(""));
    }

    /** The reply of {@code DELETE /images/{name}} (an array) or of {@code POST /images/prune} (an object). */
    public static RemovedImages removed(JsonNode r) {
        JsonNode items = r.isArray() ? r : r.path("ImagesDeleted");
        List<String> untagged = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        items.forEach(i -> {
            if (i.hasNonNull("Untagged")) {
                untagged.add(i.get("Untagged").asText());
            }
            if (i.hasNonNull("Deleted")) {
                deleted.add(i.get("Deleted").asText());
            }
        });
        return new RemovedImages(untagged, deleted, r.path("SpaceReclaimed").asLong(0));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
