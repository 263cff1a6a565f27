package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.internal.Json;
import dev.berth.swarm.OverlayNetworkSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code POST /networks/create} for an overlay network. */
public final class NetworkJson {
    private NetworkJson() {
    }

    /** The request, with {@code extraLabels} (the engine session's) added. */
    public static ObjectNode create(OverlayNetworkSpec spec, Map<String, String> extraLabels) {
        ObjectNode b = Json.object().put("Name", spec.name()).put("CheckDuplicate", true).put("Driver", "overlay")
                .put("Attachable", spec.attachable()).put("Internal", spec.internal());
        Map<String, String> options = new LinkedHashMap<>(spec.options());
        if (spec.encrypted()) {
            options.put("encrypted", "");
        }
        b.set("Options", Json.stringMap(options));
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        labels.putAll(spec.labels());
        b.set("Labels", Json.stringMap(labels));
        if (!spec.subnets().isEmpty()) {
            ArrayNode config = b.putObject("IPAM").put("Driver", "default").putArray("Config");
            spec.subnets().forEach(s -> config.addObject().put("Subnet", s));
        }
        return b;
    }
}
