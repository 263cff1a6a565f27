package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.CleanupReport;
import dev.berth.Engine;
import dev.berth.Labels;

import java.util.ArrayList;
import java.util.List;

/** Removes everything carrying a session label: containers first (with their anonymous volumes), then networks and volumes. */
public final class Cleanup {
    private Cleanup() {
    }

    /** Removes the resources of one engine session. */
    public static CleanupReport session(Engine engine, String sessionId) {
        return byLabel(engine, Labels.SESSION + "=" + sessionId);
    }

    /** Removes every container, network and volume matching the label filter ({@code key} or {@code key=value}). */
    public static CleanupReport byLabel(Engine engine, String labelFilter) {
        String query = new Filters().add("label", labelFilter).query();
        List<String> failures = new ArrayList<>();
        List<String> containers = new ArrayList<>();
        for (JsonNode c : list(engine, "/containers/json" + query + "&all=1")) {
            String id = c.path("Id").asText();
            remove(engine, "/containers/" + id + "?force=1&v=1", "container " + id, id, containers, failures);
        }
        List<String> networks = new ArrayList<>();
        for (JsonNode n : list(engine, "/networks" + query)) {
            remove(engine, "/networks/" + n.path("Id").asText(), "network " + n.path("Name").asText(),
                    n.path("Id").asText(), networks, failures);
        }
        List<String> volumes = new ArrayList<>();
        for (JsonNode v : list(engine, "/volumes" + query).path("Volumes")) {
            String name = v.path("Name").asText();
            remove(engine, "/volumes/" + RawApi.q(name), "volume " + name, name, volumes, failures);
        }
        if (!failures.isEmpty()) {
            throw new BerthException("Cleanup of resources labelled " + labelFilter + " left " + failures.size()
                    + " behind: " + failures + "; remove them by hand with docker rm/network rm/volume rm");
        }
        return new CleanupReport(containers, networks, volumes);
    }

    private static JsonNode list(Engine engine, String path) {
        try {
            return RawApi.call(engine, "GET", path, null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "resources", path, "list");
        }
    }

    private static void remove(Engine engine, String path, String what, String id, List<String> removed,
                               List<String> failures) {
        try {
            RawApi.call(engine, "DELETE", path, null);
            removed.add(id);
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                removed.add(id);
            } else if (!e.getMessage().contains("already in progress")) {
                // A container with --rm may be "already in progress" of removal; the engine finishes it.
                failures.add(what + ": " + Errors.engineMessage(e));
            }
        } catch (RuntimeException e) {
            failures.add(what + ": " + Errors.rootMessage(e));
        }
    }
}
