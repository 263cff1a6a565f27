package dev.berth.internal;

import dev.berth.BerthException;
import dev.berth.CleanupReport;
import dev.berth.Engine;
import dev.berth.Labels;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** Removes the resources of every dead session except {@code engine}'s own; blocks until done. */
    public static CleanupReport reap(Engine engine) {
        return reap(engine, ProcessKey.self());
    }

    /** As {@link #reap(Engine)}, judging processes as one whose key is {@code observer} would. */
    public static CleanupReport reap(Engine engine, Optional<ProcessKey> observer) {
        RawApi.Reply listed = RawApi.call(engine, "GET", "/volumes" + SESSION_FILTER, null);
        Instant now = engineNow(engine, listed);
        List<Map<String, Object>> volumes = objects(listed.object().get("Volumes"));
        Map<String, Lease> newest = new HashMap<>();
        for (Map<String, Object> v : volumes) {
            Lease.of(v).ifPresent(l -> newest.merge(l.session(), l, (a, b) -> a.created().isAfter(b.created()) ? a : b));
        }
        Set<String> dead = new HashSet<>();
        newest.values().stream().filter(l -> !l.session().equals(engine.sessionId()) && l.dead(now, observer))
                .forEach(l -> dead.add(l.session()));
        if (dead.isEmpty()) {
            return new CleanupReport(List.of(), List.of(), List.of());
        }
        Map<String, String> failures = Collections.synchronizedMap(new HashMap<>());
        List<String> containers = removeAll(engine, dead, failures,
                list(engine, "/containers/json?all=true&" + SESSION_FILTER.substring(1)), "Id",
                c -> "/containers/" + c + "?force=true&v=true");
        List<String> networks = removeAll(engine, dead, failures, list(engine, "/networks" + SESSION_FILTER), "Id",
                n -> "/networks/" + n);
        List<Map<String, Object>> plain = new ArrayList<>();
        List<Map<String, Object>> heartbeats = new ArrayList<>();
        for (Map<String, Object> v : volumes) {
            (Lease.of(v).isPresent() ? heartbeats : plain).add(v);
        }
        List<String> removedVolumes = new ArrayList<>(removeAll(engine, dead, failures, plain, "Name",
                v -> "/volumes/" + v));
        Set<String> intact = new HashSet<>(dead);
        intact.removeAll(failures.values());
        removedVolumes.addAll(removeAll(engine, intact, failures, heartbeats, "Name", v -> "/volumes/" + v));
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
    public static boolean isDead(Engine engine, String sessionId) {
        String filter = new Filters().add("label", Labels.SESSION + "=" + sessionId).add("label", Labels.LEASE).query();
        RawApi.Reply listed = RawApi.call(engine, "GET", "/volumes" + filter, null);
        return objects(listed.object().get("Volumes")).stream().map(Lease::of).flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(Lease::created))
                .map(l -> l.dead(engineNow(engine, listed), ProcessKey.self())).orElse(false);
    }

    /** Removes the listed objects that belong to the sessions, in parallel; failures are noted with their session. */
    private static List<String> removeAll(Engine engine, Set<String> sessions, Map<String, String> failures,
                                          List<Map<String, Object>> listed, String key,
                                          java.util.function.Function<String, String> path) {
        List<String> targets = new ArrayList<>();
        Map<String, String> sessionOf = new HashMap<>();
        for (Map<String, Object> o : listed) {
            Object labels = o.get("Labels");
            Object session = labels instanceof Map<?, ?> m ? m.get(Labels.SESSION) : null;
            if (session instanceof String s && sessions.contains(s) && o.get(key) instanceof String id) {
                targets.add(id);
                sessionOf.put(id, s);
            }
        }
        Map<String, String> failed = new HashMap<>();
        List<String> removed = Removals.remove(engine, targets, path, Collections.synchronizedMap(failed));
        failed.forEach((id, why) -> failures.put(id + " (" + why + ")", sessionOf.get(id)));
        return removed;
    }

    /** The engine's clock: the Date header of its reply (whole seconds), else its SystemTime from /info. */
    static Instant engineNow(Engine engine, RawApi.Reply reply) {
        String date = reply.header("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // fall through to /info
            }
        }
        Object time = RawApi.call(engine, "GET", "/info", null).object().get("SystemTime");
        return JsonValues.time(time instanceof String s ? s : null).orElseThrow(() -> new BerthException(
                "The engine reported no time (no Date header, no SystemTime in /info); cannot judge heartbeats"));
    }

    private static List<Map<String, Object>> list(Engine engine, String path) {
        return Removals.list(engine, path);
    }

    private static List<Map<String, Object>> objects(Object list) {
        return Removals.objects(list);
    }
}
