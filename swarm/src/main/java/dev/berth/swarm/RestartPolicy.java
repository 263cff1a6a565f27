package dev.berth.swarm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the swarm replaces stopped tasks ({@code --restart-condition}, {@code --restart-delay},
 * {@code --restart-max-attempts}, {@code --restart-window}).
 *
 * @param condition   when to replace a task
 * @param delay       wait between attempts; empty for the engine default (5 s)
 * @param maxAttempts give up after this many attempts within {@code window}; empty for no limit
 * @param window      the window over which attempts are counted; empty for unbounded
 */
public record RestartPolicy(RestartCondition condition, Optional<Duration> delay, Optional<Integer> maxAttempts,
                            Optional<Duration> window) {
    public RestartPolicy {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxAttempts, "maxAttempts");
        Objects.requireNonNull(window, "window");
        delay.ifPresent(d -> notNegative(d, "delay"));
        window.ifPresent(d -> notNegative(d, "window"));
        maxAttempts.ifPresent(n -> {
            if (n < 0) {
                throw new IllegalArgumentException("maxAttempts must not be negative, was " + n);
            }
        });
    }

    /** Replace tasks only when they fail. */
    public static RestartPolicy onFailure() {
        return of(RestartCondition.ON_FAILURE);
    }

    /** Replace tasks whenever they stop. */
    public static RestartPolicy any() {
        return of(RestartCondition.ANY);
    }

    /** Never replace stopped tasks. */
    public static RestartPolicy none() {
        return of(RestartCondition.NONE);
    }

    /** A policy with only the condition set. */
    public static RestartPolicy of(RestartCondition condition) {
        return new RestartPolicy(condition, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same with a delay between attempts. */
    public RestartPolicy delay(Duration d) {
        return new RestartPolicy(condition, Optional.of(d), maxAttempts, window);
    }

    /** The same giving up after {@code n} attempts. */
    public RestartPolicy maxAttempts(int n) {
        return new RestartPolicy(condition, delay, Optional.of(n), window);
    }

    /** The same counting attempts over {@code d}. */
    public RestartPolicy window(Duration d) {
        return new RestartPolicy(condition, delay, maxAttempts, Optional.of(d));
    }

    static void notNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + d);
        }
    }
}
