package dev.berth.wait;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A point in time by which a wait must succeed, on an injectable clock. */
public final class Deadline {
    private final Clock clock;
    private final Instant end;
    private final Duration timeout;

    private Deadline(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
        this.end = clock.instant().plus(timeout);
    }

    /** A deadline {@code timeout} from now on the system clock. */
    public static Deadline in(Duration timeout) {
        return in(timeout, Clock.systemUTC());
    }

    /** A deadline {@code timeout} from now on the given clock. */
    public static Deadline in(Duration timeout, Clock clock) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        return new Deadline(Objects.requireNonNull(clock, "clock"), timeout);
    }

    /** The earlier of this deadline and one {@code timeout} from now. */
    public Deadline atMost(Duration timeout) {
        Deadline other = new Deadline(clock, timeout);
        return other.end.isBefore(end) ? other : this;
    }

    /** Time left, zero once passed. */
    public Duration remaining() {
        Duration d = Duration.between(clock.instant(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether the deadline has passed. */
    public boolean expired() {
        return !clock.instant().isBefore(end);
    }

    /** The whole timeout this deadline was made with. */
    public Duration timeout() {
        return timeout;
    }

    /** The clock this deadline runs on. */
    public Clock clock() {
        return clock;
    }
}
