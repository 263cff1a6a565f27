package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.Labels;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One heartbeat of a Berth session: a small volume whose labels name the session and its process and whose creation
 * time the engine stamps with its own clock. The rule that decides whether the session has died:
 * <ol>
 *   <li>if the reader runs in the same PID namespace as the session's process ({@link ProcessKey}), the session is
 *       dead exactly when that process no longer runs — at once after a kill, and never while it is merely paused
 *       (a debugger, a stopped JVM);</li>
 *   <li>otherwise it is dead when the engine's clock has reached the newest heartbeat's creation plus its time to
 *       live. Both instants come from the engine, so clocks of the JVMs involved do not matter.</li>
 * </ol>
 * A session without a heartbeat is never judged dead.
 *
 * @param session the session id
 * @param volume  the heartbeat volume's name
 * @param created when the engine created the volume, by its clock
 * @param ttl     how long the heartbeat lasts
 * @param process the process holding the session, if it published one
 */
public record Lease(String session, String volume, Instant created, Duration ttl, Optional<ProcessKey> process) {

    /** The lease a volume (as the engine lists it) describes; empty if it is not a readable heartbeat. */
    public static Optional<Lease> of(JsonNode volume) {
        JsonNode labels = volume.path("Labels");
        JsonNode session = labels.path(Labels.SESSION);
        JsonNode ttl = labels.path(Labels.LEASE);
        Optional<Instant> created = JsonValues.time(volume, "CreatedAt");
        if (!session.isTextual() || !ttl.isTextual() || created.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Lease(session.textValue(), JsonValues.str(volume, "Name"), created.get(),
                    Duration.ofSeconds(Long.parseLong(ttl.textValue())),
                    ProcessKey.parse(JsonValues.text(labels, Labels.LEASE_PROCESS).orElse(null))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the session has died, judged at {@code engineNow} by a process whose key is {@code observer}. */
    public boolean dead(Instant engineNow, Optional<ProcessKey> observer) {
        Optional<Boolean> runs = process.flatMap(p -> p.runs(observer));
        if (runs.isPresent()) {
            return !runs.get();
        }
        return !engineNow.isBefore(created.plus(ttl));
    }
}
