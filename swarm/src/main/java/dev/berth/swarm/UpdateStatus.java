package dev.berth.swarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last rolling update of a service.
 *
 * @param state       where it stands
 * @param startedAt   when it started
 * @param completedAt when it finished, if it did
 * @param message     the engine's explanation ("update rolled back due to failure…")
 */
public record UpdateStatus(UpdateState state, Optional<Instant> startedAt, Optional<Instant> completedAt,
                           String message) {
    public UpdateStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(message, "message");
    }
}
