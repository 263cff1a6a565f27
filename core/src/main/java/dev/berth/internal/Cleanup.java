package dev.berth.internal;

import dev.berth.BerthException;
import dev.berth.CleanupReport;
import dev.berth.Engine;
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
    public static CleanupReport session(Engine engine, String sessionId) {
        return byLabel(engine, Labels.SESSION + "=" + sessionId);
    }

    /**
     * Removes every container, network and volume matching the label filter ({@code key} or {@code key=value}).
     *
     * @throws BerthException naming what could not be removed, after trying everything
     */
    public static CleanupReport byLabel(Engine engine, String labelFilter) {
        String filter = new Filters().add("label", labelFilter).query();
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<String> containers = Removals.remove(engine, ids(Removals.list(engine,
                "/containers/json?all=true&" + filter.substring(1)), "Id"), c -> "/containers/" + c + "?force=true&v=true",
                failures);
        List<String> networks = Removals.remove(engine, ids(Removals.list(engine, "/networks" + filter), "Id"),
                n -> "/networks/" + n, failures);
        List<Map<String, Object>> listed = Removals.objects(Json.object(RawApi.call(engine, "GET", "/volumes" + filter,
                null).text()).get("Volumes"));
        listed.removeIf(v -> v.get("Labels") instanceof Map<?, ?> l && l.containsKey(Labels.LEASE));
        List<String> volumes = Removals.remove(engine, ids(listed, "Name"), v -> "/volumes/" + v, failures);
        if (!failures.isEmpty()) {
            throw new BerthException("Cleanup of resources labelled " + labelFilter + " left " + failures.size()
                    + " behind: " + failures + "; remove them by hand with docker rm/network rm/volume rm");
        }
        return new CleanupReport(containers, networks, volumes);
    }

    private static List<String> ids(List<Map<String, Object>> objects, String key) {
        return objects.stream().map(o -> o.get(key)).filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
