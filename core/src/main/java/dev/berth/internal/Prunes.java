package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.PruneReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The engine's prune endpoints, one per resource kind, each returning what it removed. */
public final class Prunes {
    private Prunes() {
    }

    /** {@code docker container prune}: stopped containers matching label, label! and until filters. */
    public static PruneReport containers(Connection conn, Filters filters) {
        JsonNode r = post(conn, "/containers/prune", filters, "container");
        return new PruneReport(JsonValues.list(r.path("ContainersDeleted")), List.of(), List.of(), List.of(),
                List.of(), r.path("SpaceReclaimed").asLong(0));
    }

    /** {@code docker network prune}: unused networks matching label, label! and until filters. */
    public static PruneReport networks(Connection conn, Filters filters) {
        JsonNode r = post(conn, "/networks/prune", filters, "network");
        return new PruneReport(List.of(), JsonValues.list(r.path("NetworksDeleted")), List.of(), List.of(),
                List.of(), 0);
    }

    /**
     * {@code docker volume prune --all}: unused volumes, named and anonymous, matching label and label! filters. On
     * API 1.42 and later the engine prunes only anonymous volumes unless asked for all; Berth asks.
     */
    public static PruneReport volumes(Connection conn, Filters filters) {
        Filters f = filters.only(java.util.Set.of("label", "label!"));
        if (Connection.compare(conn.apiVersion(), "1.42") >= 0) {
            f.set("all", "true");
        }
        JsonNode r = post(conn, "/volumes/prune", f, "volume");
        return new PruneReport(List.of(), List.of(), JsonValues.list(r.path("VolumesDeleted")), List.of(),
                List.of(), r.path("SpaceReclaimed").asLong(0));
    }

    /** {@code docker image prune [--all]}: unused images, dangling only unless {@code all}. */
    public static PruneReport images(Connection conn, Filters filters, boolean all) {
        Filters f = filters.only(java.util.Set.of("label", "label!", "until"));
        f.set("dangling", Boolean.toString(!all));
        JsonNode r = post(conn, "/images/prune", f, "image");
        List<String> deleted = new ArrayList<>();
        r.path("ImagesDeleted").forEach(d -> {
            if (d.hasNonNull("Deleted")) {
                deleted.add(d.get("Deleted").asText());
            }
        });
        return new PruneReport(List.of(), List.of(), List.of(), deleted, List.of(), r.path("SpaceReclaimed").asLong(0));
    }

    /** {@code docker builder prune [--all]}: build cache, optionally only what is older than {@code until}. */
    public static PruneReport buildCache(Connection conn, Duration until, boolean all) {
        Filters f = new Filters();
        if (until != null) {
            f.set("until", Filters.duration(until));
        }
        String query = f.isEmpty() ? "?all=" + all : f.query() + "&all=" + all;
        JsonNode r;
        try {
            r = RawApi.call(conn, "POST", "/build/prune" + query, null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "build cache", "all", "prune");
        }
        return new PruneReport(List.of(), List.of(), List.of(), List.of(), JsonValues.list(r.path("CachesDeleted")),
                r.path("SpaceReclaimed").asLong(0));
    }

    private static JsonNode post(Connection conn, String path, Filters filters, String kind) {
        try {
            return RawApi.call(conn, "POST", path + filters.query(), null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind, filters.isEmpty() ? "all" : filters.toString(), "prune");
        }
    }
}
