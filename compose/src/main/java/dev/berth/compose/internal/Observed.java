package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's container as the engine lists it ({@code GET /containers/json}), found the way Compose finds them:
 * project label plus the presence of {@code config-hash}.
 */
record Observed(String id, String name, String service, int number, boolean oneoff, String state, String status,
                Map<String, String> labels, long created, String image, List<Map<String, Object>> ports,
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
        for (Map<String, Object> c : api.list("/containers/json?all=1&filters=" + Api.filters(Map.of("label", label)),
                "container")) {
            out.add(of(c));
        }
        out.sort(Comparator.comparing(Observed::service).thenComparing(BY_NUMBER));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Observed of(Map<String, Object> c) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (c.get("Labels") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
        }
        String name = "";
        if (c.get("Names") instanceof List<?> names && !names.isEmpty()) {
            name = String.valueOf(names.get(0));
            name = name.startsWith("/") ? name.substring(1) : name;
        }
        int number;
        try {
            number = Integer.parseInt(labels.getOrDefault(ComposeLabels.NUMBER, "0"));
        } catch (NumberFormatException e) {
            number = 0;
        }
        List<Map<String, Object>> ports = c.get("Ports") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        java.util.Set<String> networks = new java.util.HashSet<>();
        if (c.get("NetworkSettings") instanceof Map<?, ?> ns && ns.get("Networks") instanceof Map<?, ?> nets) {
            nets.keySet().forEach(k -> networks.add(String.valueOf(k)));
        }
        // the names of the named volumes mounted (GET /containers/json lists Mounts with Type and Name)
        java.util.Set<String> volumes = new java.util.HashSet<>();
        if (c.get("Mounts") instanceof List<?> mounts) {
            for (Object o : mounts) {
                if (o instanceof Map<?, ?> mount && "volume".equals(mount.get("Type")) && mount.get("Name") != null) {
                    volumes.add(String.valueOf(mount.get("Name")));
                }
            }
        }
        return new Observed(String.valueOf(c.get("Id")), name, labels.getOrDefault(ComposeLabels.SERVICE, ""), number,
                "True".equals(labels.get(ComposeLabels.ONEOFF)), String.valueOf(c.getOrDefault("State", "")),
                String.valueOf(c.getOrDefault("Status", "")), Map.copyOf(labels),
                c.get("Created") instanceof Number n ? n.longValue() : 0L, String.valueOf(c.getOrDefault("Image", "")),
                ports, java.util.Set.copyOf(networks), java.util.Set.copyOf(volumes));
    }
}
