package dev.berth.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.compose.ComposeException;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Volume;
import dev.berth.internal.JsonValues;
import dev.berth.internal.RawApi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Project networks and named volumes: created with Compose's labels when missing, removed on {@code down}. */
final class Resources {
    private final Api api;
    private final Project project;
    private final Consumer<String> warn;

    Resources(Api api, Project project, Consumer<String> warn) {
        this.api = api;
        this.project = project;
        this.warn = warn;
    }

    /** Makes sure the network exists ({@code ensureNetwork}); returns true if it was created now. */
    boolean ensureNetwork(Network n) {
        if (n.external()) {
            if (api.objectOrNull("/networks/" + RawApi.q(n.name()), "network", n.name()) == null) {
                throw new ComposeException(null, "network " + n.name() + " declared as external, but could not be found;"
                        + " create it first (docker network create " + n.name() + ")", null);
            }
            return false;
        }
        JsonNode existing = find("/networks", n.name());
        if (existing != null) {
            Map<String, String> labels = JsonValues.map(existing, "Labels");
            if (!labels.containsKey(ComposeLabels.PROJECT)) {
                warn.accept("a network with name " + n.name() + " exists but was not created by compose.\n"
                        + "Set `external: true` to use an existing network");
            } else if (!project.name().equals(labels.get(ComposeLabels.PROJECT))) {
                warn.accept("a network with name " + n.name() + " exists but was not created for project \""
                        + project.name() + "\".\nSet `external: true` to use an existing network");
            }
            String key = labels.get(ComposeLabels.NETWORK);
            if (labels.containsKey(ComposeLabels.PROJECT) && !n.key().equals(key)) {
                throw new ComposeException(null, "network " + n.name() + " was found but has incorrect label "
                        + ComposeLabels.NETWORK + " set to \"" + (key == null ? "" : key) + "\"", null);
            }
            return false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", n.name());
        body.put("CheckDuplicate", true);
        Map<String, String> labels = new LinkedHashMap<>(n.labels());
        labels.putAll(api.engine().labels());
        labels.put(ComposeLabels.NETWORK, n.key());
        labels.put(ComposeLabels.PROJECT, project.name());
        labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
        body.put("Labels", labels);
        if (n.driver() != null && !n.driver().isEmpty()) {
            body.put("Driver", n.driver());
        }
        if (!n.driverOpts().isEmpty()) {
            body.put("Options", n.driverOpts());
        }
        body.put("Internal", n.internal());
        body.put("Attachable", n.attachable());
        if (n.enableIpv6() != null) {
            body.put("EnableIPv6", n.enableIpv6());
        }
        Map<String, Object> ipam = ipam(n);
        if (ipam != null) {
            body.put("IPAM", ipam);
        }
        try {
            api.call("POST", "/networks/create", body, "create", "network", n.name());
        } catch (RuntimeException e) {
            if (find("/networks", n.name()) != null) {
                return false; // created concurrently by another client
            }
            throw new ComposeException(null, "failed to create network " + n.name() + ": " + e.getMessage(), e);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ipam(Network n) {
        Map<String, Object> raw = Types.asMap(n.raw().get("ipam"));
        if (raw == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw.get("driver") != null) {
            out.put("Driver", String.valueOf(raw.get("driver")));
        }
        List<Object> config = Types.asList(raw.get("config"));
        if (config != null) {
            List<Map<String, Object>> pools = new java.util.ArrayList<>();
            for (Object o : config) {
                Map<String, Object> p = Types.asMap(o);
                if (p == null) {
                    continue;
                }
                Map<String, Object> pool = new LinkedHashMap<>();
                copy(p, "subnet", pool, "Subnet");
                copy(p, "ip_range", pool, "IPRange");
                copy(p, "gateway", pool, "Gateway");
                if (p.get("aux_addresses") instanceof Map<?, ?> aux) {
                    pool.put("AuxiliaryAddresses", aux);
                }
                pools.add(pool);
            }
            out.put("Config", pools);
        }
        return out;
    }

    private static void copy(Map<String, Object> from, String key, Map<String, Object> to, String as) {
        if (from.get(key) != null) {
            to.put(as, String.valueOf(from.get(key)));
        }
    }

    /** Makes sure the named volume exists ({@code ensureVolume}); returns true if it was created now. */
    boolean ensureVolume(Volume v) {
        JsonNode existing = api.objectOrNull("/volumes/" + RawApi.q(v.name()), "volume", v.name());
        if (existing == null) {
            if (v.external()) {
                throw new ComposeException(null, "external volume \"" + v.name() + "\" not found; create it first"
                        + " (docker volume create " + v.name() + ")", null);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Name", v.name());
            if (v.driver() != null && !v.driver().isEmpty()) {
                body.put("Driver", v.driver());
            }
            if (!v.driverOpts().isEmpty()) {
                body.put("DriverOpts", v.driverOpts());
            }
            Map<String, String> labels = new LinkedHashMap<>(v.labels());
            labels.putAll(api.engine().labels());
            labels.put(ComposeLabels.VOLUME, v.key());
            labels.put(ComposeLabels.PROJECT, project.name());
            labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
            body.put("Labels", labels);
            api.call("POST", "/volumes/create", body, "create", "volume", v.name());
            return true;
        }
        if (v.external()) {
            return false;
        }
        String p = JsonValues.map(existing, "Labels").get(ComposeLabels.PROJECT);
        if (p == null) {
            warn.accept("volume \"" + v.name() + "\" already exists but was not created by Docker Compose. Use"
                    + " `external: true` to use an existing volume");
        } else if (!project.name().equals(p)) {
            warn.accept("volume \"" + v.name() + "\" already exists but was created for project \"" + p
                    + "\" (expected \"" + project.name() + "\"). Use `external: true` to use an existing volume");
        }
        return false;
    }

    /** Removes the project's network with this key if it has no containers left; false if still in use. */
    boolean removeNetwork(String key, String name) {
        Map<String, List<String>> f = Map.of("label", List.of(ComposeLabels.PROJECT + "=" + project.name(),
                ComposeLabels.NETWORK + "=" + key));
        for (JsonNode n : api.list("/networks?filters=" + Api.filters(f), "network")) {
            if (!name.equals(n.path("Name").asText())) {
                continue;
            }
            String id = n.path("Id").asText();
            JsonNode full;
            try {
                full = api.object("/networks/" + id, "network", name);
            } catch (RuntimeException e) {
                continue;
            }
            if (full.path("Containers").size() > 0) {
                warn.accept("Network " + name + ": Resource is still in use");
                return false;
            }
            int status = api.tolerate("DELETE", "/networks/" + id, null, 403, 404, 409);
            if (status == 403 || status == 409) {
                warn.accept("Network " + name + ": Resource is still in use");
                return false;
            }
        }
        return true;
    }

    /** Removes a named volume; a volume still in use is reported and kept. */
    void removeVolume(String name) {
        int status = api.tolerate("DELETE", "/volumes/" + RawApi.q(name) + "?force=1", null, 404, 409);
        if (status == 409) {
            warn.accept("Volume " + name + ": Resource is still in use");
        }
    }

    private JsonNode find(String path, String name) {
        JsonNode n = api.objectOrNull(path + "/" + RawApi.q(name), "network", name);
        return n != null && (name.equals(n.path("Name").asText()) || name.equals(n.path("Id").asText())) ? n : null;
    }
}
