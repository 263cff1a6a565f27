package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.berth.internal.Json;
import java.util.Map;
import java.util.Set;

/**
 * Keeps what Berth does not model when it writes a service spec back: an update sends Berth's JSON plus every field of
 * the current spec that Berth does not own (privileges, isolation, platforms, generic resources, ForceUpdate, …), so
 * reading a spec and writing it back never loses settings made by other clients.
 */
public final class SpecMerge {
    /** Per JSON path, the fields Berth writes (and therefore also removes when unset). */
    private static final Map<String, Set<String>> OWNED = Map.of(
            "", Set.of("Name", "Labels", "TaskTemplate", "Mode", "UpdateConfig", "RollbackConfig", "EndpointSpec"),
            "TaskTemplate", Set.of("ContainerSpec", "Resources", "RestartPolicy", "Placement", "Networks",
                    "LogDriver"),
            "TaskTemplate.ContainerSpec", Set.of("Image", "Labels", "Command", "Args", "Hostname", "Env", "Dir",
                    "User", "Init", "StopSignal", "TTY", "OpenStdin", "ReadOnly", "Mounts", "StopGracePeriod",
                    "Healthcheck", "Hosts", "DNSConfig", "Secrets", "Configs", "CapabilityAdd", "CapabilityDrop",
                    "Sysctls", "Ulimits"),
            "TaskTemplate.ContainerSpec.DNSConfig", Set.of("Nameservers", "Search"),
            "TaskTemplate.Resources", Set.of("Limits", "Reservations"),
            "TaskTemplate.Resources.Limits", Set.of("NanoCPUs", "MemoryBytes", "Pids"),
            "TaskTemplate.Resources.Reservations", Set.of("NanoCPUs", "MemoryBytes"),
            "TaskTemplate.Placement", Set.of("Constraints", "Preferences", "MaxReplicas"),
            "EndpointSpec", Set.of("Mode", "Ports"));

    private SpecMerge() {
    }

    /** {@code fresh} (Berth's JSON, modified in place) plus the fields of {@code current} Berth does not own. */
    public static ObjectNode merge(JsonNode current, ObjectNode fresh) {
        merge("", current, fresh);
        return fresh;
    }

    private static void merge(String path, JsonNode current, ObjectNode fresh) {
        if (current == null || !current.isObject()) {
            return;
        }
        Set<String> owned = OWNED.getOrDefault(path, Set.of());
        for (Map.Entry<String, JsonNode> e : current.properties()) {
            String key = e.getKey();
            String child = path.isEmpty() ? key : path + "." + key;
            if (!owned.contains(key)) {
                fresh.set(key, e.getValue().deepCopy());
            } else if (OWNED.containsKey(child) && e.getValue().isObject()) {
                JsonNode target = fresh.get(key);
                ObjectNode into = target instanceof ObjectNode o ? o : Json.object();
                int before = into.size();
                merge(child, e.getValue(), into);
                if (target == null && into.size() > before) {
                    fresh.set(key, into);
                }
            }
        }
    }
}
