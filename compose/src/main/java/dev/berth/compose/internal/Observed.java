package dev.berth.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.internal.JsonValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A project's container as the engine lists it ({@code GET /containers/json}), found the way Compose finds them:
 * project label plus the presence of {@code config-hash}.
 */
record Observed(String id, String name, String service, int number, boolean oneoff, String state, String status,
                Map<String, String> labels, long created, String image, List<JsonNode> ports,
                java.util.Set<String> networks, java.util.Set<String> volumes) {

    static final Comparator<Observed> BY_NUMBER = Comparator.comparingInt(Observed::number)
            .thenComparingLong(Observed::created);

    boolean running() {
        return state.equals("running");
    }

    String hash() {
        return labels.getOrDefault(ComposeLabels.CONFIG_HASH, "");
    }

    /** Lists the project's containers, stopped ones included; {@code oneoff} null for both kinds. */
    static List<Observed> list(Api api, String project, Boolean oneoff) {
        List<String> label = new ArrayList<>(List.of(ComposeLabels.PROJECT + "=" + project, ComposeLabels.CONFIG_HASH));
        if (oneoff != null) {
            label.add(ComposeLabels.ONEOFF + "=" + (oneoff ? "True" : "False"));
        }
        List<Observed> out = new ArrayList<>();
        for (JsonNode c : api.list("/containers/json?all=1&filters=" + Api.filters(Map.of("label", label)),
                "container")) {
            out.add(of(c));
        }
        out.sort(Comparator.comparing(Observed::service).thenComparing(BY_NUMBER));
        return out;
    }

    static Observed of(JsonNode c) {
        Map<String, String> labels = JsonValues.map(c, "Labels");
        String name = c.path("Names").path(0).asText("");
        name = name.startsWith("/") ? name.substring(1) : name;
        int number;
        try {
            number = Integer.parseInt(labels.getOrDefault(ComposeLabels.NUMBER, "0"));
        } catch (NumberFormatException e) {
            number = 0;
        }
        List<JsonNode> ports = new ArrayList<>();
        c.path("Ports").forEach(ports::add);
        java.util.Set<String> networks = new java.util.HashSet<>();
        c.path("NetworkSettings").path("Networks").fieldNames().forEachRemaining(networks::add);
        // the names of the named volumes mounted (GET /containers/json lists Mounts with Type and Name)
        java.util.Set<String> volumes = new java.util.HashSet<>();
        for (JsonNode mount : c.path("Mounts")) {
            if ("volume".equals(mount.path("Type").asText()) && mount.hasNonNull("Name")) {
                volumes.add(mount.path("Name").asText());
            }
        }
        return new Observed(c.path("Id").asText(), name, labels.getOrDefault(ComposeLabels.SERVICE, ""), number,
                "True".equals(labels.get(ComposeLabels.ONEOFF)), c.path("State").asText(""),
                c.path("Status").asText(""), Map.copyOf(labels), c.path("Created").asLong(0),
                c.path("Image").asText(""), List.copyOf(ports), java.util.Set.copyOf(networks),
                java.util.Set.copyOf(volumes));
    }
}
