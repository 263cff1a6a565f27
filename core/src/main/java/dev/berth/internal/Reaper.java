package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.CleanupReport;
import dev.berth.Labels;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Removes what dead Berth sessions left on an engine, judged by their heartbeats ({@link Lease}); sessions that never
 * published one are never touched. One filtered volume listing decides; containers and networks are listed only when
 * a dead session exists. Containers go first (with their anonymous volumes), then networks, volumes and last the
 * heartbeats, and a session's heartbeats stay if anything of it could not be removed, so the next session retries.
 */
public final class Reaper {
    private static final String SESSION_FILTER = new Filters().add("label", Labels.SESSION).query();

    private Reaper() {
    }

    /** Removes the resources of every dead session except {@code conn}'s own; blocks until done. */
    public static CleanupReport reap(Connection conn) {
        return reap(conn, ProcessKey.self());
    }

    /** As {@link #reap(Connection)}, judging processes as one whose key is {@code observer} would. */
    public static CleanupReport reap(Connection conn, Optional<ProcessKey> observer) {
        RawApi.Reply listed = RawApi.call(conn, "GET", "/volumes" + SESSION_FILTER, null);
        Instant now = engineNow(conn, listed);
        List<JsonNode> volumes = Removals.objects(listed.json().path("Volumes"));
        Map<String, Lease> newest = new HashMap<>();
        for (JsonNode v : volumes) {
            Lease.of(v).ifPresent(l -> newest.merge(l.session(), l, (a, b) -> a.created().isAfter(b.created()) ? a : b));
        }
        Set<String> dead = new HashSet<>();
        newest.values().stream().filter(l -> !l.session().equals(conn.sessionId()) && l.dead(now, observer))
                .forEach(l -> dead.add(l.session()));
        if (dead.isEmpty()) {
            return new CleanupReport(List.of(), List.of(), List.of());
        }
        Map<String, String> failures = Collections.synchronizedMap(new HashMap<>());
        List<String> containers = removeAll(conn, dead, failures,
                Removals.list(conn, "/containers/json?all=true&" + SESSION_FILTER.substring(1)), "Id",
                c -> "/containers/" + c + "?force=true&v=true");
        List<String> networks = removeAll(conn, dead, failures, Removals.list(conn, "/networks" + SESSION_FILTER), "Id",
                n -> "/networks/" + n);
        List<JsonNode> plain = new ArrayList<>();
        List<JsonNode> heartbeats = new ArrayList<>();
        for (JsonNode v : volumes) {
            (Lease.of(v).isPresent() ? heartbeats : plain).add(v);
        }
        List<String> removedVolumes = new ArrayList<>(removeAll(conn, dead, failures, plain, "Name",
                v -> "/volumes/" + v));
        Set<String> intact = new HashSet<>(dead);
        intact.removeAll(failures.values());
        removedVolumes.addAll(removeAll(conn, intact, failures, heartbeats, "Name", v -> "/volumes/" + v));
        if (!failures.isEmpty()) {
            throw new BerthException("Removing what dead Berth sessions left failed for " + failures.size()
                    + " resources: " + failures.keySet() + "; their heartbeats stay, so the next session retries;"
                    + " or remove them by hand (docker rm -f, docker network rm, docker volume rm)");
        }
        return new CleanupReport(containers, networks, removedVolumes);
    }

    /**
     * Whether the session published a heartbeat and has died since, by the rule of {@link Lease}; false for live
     * sessions and for sessions that never published one. One filtered volume listing.
     */
    public static boolean isDead(Connection conn, String sessionId) {
        String filter = new Filters().add("label", Labels.SESSION + "=" + sessionId).add("label", Labels.LEASE).query();
        RawApi.Reply listed = RawApi.call(conn, "GET", "/volumes" + filter, null);
        return Removals.objects(listed.json().path("Volumes")).stream().map(Lease::of).flatMap(Optional::stream)
                .max(Comparator.comparing(Lease::created))
                .map(l -> l.dead(engineNow(conn, listed), ProcessKey.self())).orElse(false);
    }

    /** Removes the listed objects that belong to the sessions, in parallel; failures are noted with their session. */
    private static List<String> removeAll(Connection conn, Set<String> sessions, Map<String, String> failures,
                                          List<JsonNode> listed, String key, Function<String, String> path) {
        List<String> targets = new ArrayList<>();
        Map<String, String> sessionOf = new HashMap<>();
        for (JsonNode o : listed) {
            JsonNode session = o.path("Labels").path(Labels.SESSION);
            JsonNode id = o.path(key);
            if (session.isTextual() && sessions.contains(session.textValue()) && id.isTextual()) {
                targets.add(id.textValue());
                sessionOf.put(id.textValue(), session.textValue());
            }
        }
        Map<String, String> failed = new HashMap<>();
        List<String> removed = Removals.remove(conn, targets, path, Collections.synchronizedMap(failed));
        failed.forEach((id, why) -> failures.put(id + " (" + why + ")", sessionOf.get(id)));
        return removed;
    }

    /** The engine's clock: the Date header of its reply (whole seconds), else its SystemTime from /info. */
    static Instant engineNow(Connection conn, RawApi.Reply reply) {
        String date = reply.header("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // fall through to /info
            }
        }
        JsonNode info = RawApi.call(conn, "GET", "/info", null).json();
        return JsonValues.time(info, "SystemTime").orElseThrow(() -> new BerthException(
                "The engine reported no time (no Date header, no SystemTime in /info); cannot judge heartbeats"));
    }
}
