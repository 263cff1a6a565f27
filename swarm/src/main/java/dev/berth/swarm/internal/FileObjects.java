package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.internal.Json;
import dev.berth.internal.JsonValues;
import dev.berth.internal.RawApi;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Secrets and configs share one shape on the Engine API ({@code /secrets}, {@code /configs}): a name, labels and
 * base64 data. Data is never put in an exception message or a log.
 */
public final class FileObjects<I> {
    private final SwarmApi api;
    private final String kind;
    private final String path;
    private final Function<JsonNode, I> reader;

    /**
     * @param kind   {@code secret} or {@code config}
     * @param reader what an object's JSON is read into
     */
    public FileObjects(SwarmApi api, String kind, Function<JsonNode, I> reader) {
        this.api = api;
        this.kind = kind;
        this.path = "/" + kind + "s";
        this.reader = reader;
    }

    /** The swarm's secrets. */
    public static FileObjects<dev.berth.swarm.SecretInfo> secrets(SwarmApi api) {
        return new FileObjects<>(api, "secret", Readers::secret);
    }

    /** The swarm's configs. */
    public static FileObjects<dev.berth.swarm.ConfigInfo> configs(SwarmApi api) {
        return new FileObjects<>(api, "config", Readers::config);
    }

    /** The object with this name or id, read. */
    public I info(String nameOrId) {
        return reader.apply(inspect(nameOrId));
    }

    /** All objects, or those with the label when {@code label} is given, read. */
    public List<I> infos(String label) {
        return list(label).stream().map(reader).toList();
    }

    /** Creates the object with the engine's session labels added; returns its id. */
    public String create(String name, byte[] data, Map<String, String> labels) {
        ObjectNode body = Json.object().put("Name", name);
        ObjectNode l = Json.stringMap(labels);
        api.engine().labels().forEach((k, v) -> {
            if (!l.has(k)) {
                l.put(k, v);
            }
        });
        body.set("Labels", l);
        body.put("Data", Base64.getEncoder().encodeToString(data));
        return JsonValues.str(api.post(path + "/create", body, kind, name, "create").json(), "ID");
    }

    /** An object's id and name. */
    public record Ref(String id, String name) {
    }

    /** The id and name of the object with this name or id. */
    public Ref ref(String nameOrId) {
        JsonNode n = inspect(nameOrId);
        return new Ref(JsonValues.str(n, "ID"), JsonValues.str(JsonValues.at(n, "Spec"), "Name"));
    }

    /** The object's JSON by name or id. */
    public JsonNode inspect(String nameOrId) {
        return api.get(path + "/" + RawApi.q(nameOrId), kind, nameOrId, "inspect");
    }

    /** All objects, or those with the label when {@code label} is given ({@code key} or {@code key=value}). */
    public List<JsonNode> list(String label) {
        String q = label == null ? "" : "?filters=" + SwarmApi.filters(Map.of("label", List.of(label)));
        List<JsonNode> out = new ArrayList<>();
        ServiceSpecReader.iterable(api.get(path + q, kind, "", "list")).forEach(out::add);
        return out;
    }

    /** Replaces the labels (the only thing the engine lets change) at the current version. */
    public void updateLabels(String nameOrId, Map<String, String> labels) {
        JsonNode current = inspect(nameOrId);
        ObjectNode spec = ((ObjectNode) current.get("Spec")).deepCopy();
        spec.set("Labels", Json.stringMap(labels));
        api.post(path + "/" + RawApi.q(JsonValues.str(current, "ID")) + "/update?version="
                + JsonValues.at(current, "Version").path("Index").asLong(), spec, kind, nameOrId, "update the labels of");
    }

    /** Removes it; fails while services use it. */
    public void remove(String nameOrId) {
        api.delete(path + "/" + RawApi.q(nameOrId), kind, nameOrId, "remove");
    }

    /** The decoded data of a config ({@code Spec.Data}); secrets never return theirs. */
    public static byte[] data(JsonNode object) {
        String d = JsonValues.str(JsonValues.at(object, "Spec"), "Data");
        return d.isEmpty() ? new byte[0] : Base64.getDecoder().decode(d);
    }
}
