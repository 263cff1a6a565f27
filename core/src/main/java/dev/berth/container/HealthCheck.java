package dev.berth.container;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container health check, as {@code --health-cmd} and friends or a Dockerfile {@code HEALTHCHECK}.
 *
 * @param test        {@code ["CMD", exe, args…]}, {@code ["CMD-SHELL", command]} or {@code ["NONE"]}; empty keeps
 *                    the image's test and changes only the timings given here
 * @param interval    time between checks, empty for the engine default (30 s)
 * @param timeout     how long one check may take, empty for the default (30 s)
 * @param retries     consecutive failures before unhealthy, empty for the default (3)
 * @param startPeriod grace period during which failures don't count, empty for the default (0)
 * @param startInterval time between checks during the start period (API 1.44+), empty for the default (5 s)
 */
public record HealthCheck(List<String> test, Optional<Duration> interval, Optional<Duration> timeout,
                          Optional<Integer> retries, Optional<Duration> startPeriod, Optional<Duration> startInterval) {

    public HealthCheck {
        test = List.copyOf(Objects.requireNonNull(test, "test"));
        if (!test.isEmpty() && !List.of("CMD", "CMD-SHELL", "NONE").contains(test.get(0))) {
            throw new IllegalArgumentException("Health check test must start with CMD, CMD-SHELL or NONE: " + test);
        }
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(startPeriod, "startPeriod");
        Objects.requireNonNull(startInterval, "startInterval");
        retries.ifPresent(r -> {
            if (r < 0) {
                throw new IllegalArgumentException("retries must not be negative, was " + r);
            }
        });
    }

    /** A health check without a start interval. */
    public HealthCheck(List<String> test, Optional<Duration> interval, Optional<Duration> timeout,
                       Optional<Integer> retries, Optional<Duration> startPeriod) {
        this(test, interval, timeout, retries, startPeriod, Optional.empty());
    }

    /** Runs the executable with arguments directly ({@code CMD}). */
    public static HealthCheck cmd(String executable, String... args) {
        List<String> t = new ArrayList<>();
        t.add("CMD");
        t.add(Objects.requireNonNull(executable, "executable"));
        t.addAll(List.of(args));
        return new HealthCheck(t, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Runs the command through the container's shell ({@code CMD-SHELL}, like {@code --health-cmd}). */
    public static HealthCheck shell(String command) {
        return new HealthCheck(List.of("CMD-SHELL", Objects.requireNonNull(command, "command")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Disables any health check the image defines ({@code --no-healthcheck}). */
    public static HealthCheck none() {
        return new HealthCheck(List.of("NONE"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The time between checks ({@code --health-interval}). */
    public HealthCheck interval(Duration d) {
        return new HealthCheck(test, Optional.of(positive(d, "interval")), timeout, retries, startPeriod, startInterval);
    }

    /** How long one check may take ({@code --health-timeout}). */
    public HealthCheck timeout(Duration d) {
        return new HealthCheck(test, interval, Optional.of(positive(d, "timeout")), retries, startPeriod, startInterval);
    }

    /** Consecutive failures before the container is unhealthy ({@code --health-retries}). */
    public HealthCheck retries(int n) {
        return new HealthCheck(test, interval, timeout, Optional.of(n), startPeriod, startInterval);
    }

    /** The grace period during which failures don't count ({@code --health-start-period}). */
    public HealthCheck startPeriod(Duration d) {
        return new HealthCheck(test, interval, timeout, retries, Optional.of(positive(d, "startPeriod")),
                startInterval);
    }

    /** The time between checks during the start period ({@code --health-start-interval}, API 1.44+). */
    public HealthCheck startInterval(Duration d) {
        return new HealthCheck(test, interval, timeout, retries, startPeriod,
                Optional.of(positive(d, "startInterval")));
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        // The engine rejects intervals under 1 ms (API: "Interval in the health check cannot be less than 1ms").
        if (d.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException(what + " must be at least 1 ms, was " + d);
        }
        return d;
    }
}
