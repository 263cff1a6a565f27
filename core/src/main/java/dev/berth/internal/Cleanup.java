package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.CleanupReport;
import dev.berth.Labels;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes everything carrying a label: containers first (with their anonymous volumes), then networks and volumes,
 * on Berth's own HTTP client. A session's heartbeat volume ({@link Labels#LEASE}) is left to its {@link Heartbeat},
 * which removes it last.
 */
public final class Cleanup {
    private Cleanup() {
    }

    /** Removes the resources of one engine session. */
    public static CleanupReport session(Connection conn, String sessionId) {
        return byLabel(conn, Labels.SESSION + "=" + sessionId);
    }

    /**
     * Removes every container, network and volume matching the label filter ({@code key} or {@code key=value}).
     *
     * @throws BerthException naming what could not be removed, after trying everything
     */
    public static CleanupReport byLabel(Connection conn, String labelFilter) {
        String filter = new Filters().add("label", labelFilter).query();
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<String> containers = Removals.remove(conn, Removals.ids(list(conn,
                "/containers/json?all=true&" + filter.substring(1)), "Id"), c -> "/containers/" + c + "?force=true&v=true",
                failures);
        List<String> networks = Removals.remove(conn, Removals.ids(list(conn, "/networks" + filter), "Id"),
                n -> "/networks/" + n, failures);
        List<JsonNode> listed = Removals.objects(call(conn, "/volumes" + filter).path("Volumes"));
        listed.removeIf(v -> v.path("Labels").has(Labels.LEASE));
        List<String> volumes = Removals.remove(conn, Removals.ids(listed, "Name"), v -> "/volumes/" + v, failures);
        if (!failures.isEmpty()) {
            throw new BerthException("Cleanup of resources labelled " + labelFilter + " left " + failures.size()
                    + " behind: " + failures + "; remove them by hand with docker rm/network rm/volume rm");
        }
        return new CleanupReport(containers, networks, volumes);
    }

    private static List<JsonNode> list(Connection conn, String path) {
        return Removals.objects(call(conn, path));
    }

    private static JsonNode call(Connection conn, String path) {
        try {
            return RawApi.call(conn, "GET", path, null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "resources", path, "list");
        }
    }
}
