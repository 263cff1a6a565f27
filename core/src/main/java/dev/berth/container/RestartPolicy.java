package dev.berth.container;

import java.util.Locale;
import java.util.Objects;

/**
 * What the engine does when the container exits ({@code --restart}).
 *
 * @param mode       no, always, unless-stopped or on-failure
 * @param maxRetries for on-failure, how many restarts at most (0 = unlimited)
 */
public record RestartPolicy(Mode mode, int maxRetries) {

    /** Restart modes, named after the docker CLI values. */
    public enum Mode {
        NO("no"), ALWAYS("always"), UNLESS_STOPPED("unless-stopped"), ON_FAILURE("on-failure");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        /** The engine's name for this mode. */
        public String wireName() {
            return wire;
        }
    }

    public RestartPolicy {
        Objects.requireNonNull(mode, "mode");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        if (maxRetries > 0 && mode != Mode.ON_FAILURE) {
            throw new IllegalArgumentException("maxRetries only applies to on-failure, not " + mode.wireName());
        }
    }

    public static RestartPolicy no() {
        return new RestartPolicy(Mode.NO, 0);
    }

    public static RestartPolicy always() {
        return new RestartPolicy(Mode.ALWAYS, 0);
    }

    public static RestartPolicy unlessStopped() {
        return new RestartPolicy(Mode.UNLESS_STOPPED, 0);
    }

    public static RestartPolicy onFailure(int maxRetries) {
        return new RestartPolicy(Mode.ON_FAILURE, maxRetries);
    }

    /** Parses the CLI syntax: {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]}. */
    public static RestartPolicy parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        int colon = v.indexOf(':');
        String name = colon < 0 ? v : v.substring(0, colon);
        for (Mode m : Mode.values()) {
            if (m.wire.equals(name)) {
                int retries = 0;
                if (colon >= 0) {
                    try {
                        retries = Integer.parseInt(v.substring(colon + 1));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Invalid restart policy '" + s + "': retries must be a number", e);
                    }
                }
                return new RestartPolicy(m, retries);
            }
        }
        throw new IllegalArgumentException("Invalid restart policy '" + s
                + "'; use no, always, unless-stopped or on-failure[:N]");
    }

    @Override
    public String toString() {
        return maxRetries > 0 ? mode.wireName() + ":" + maxRetries : mode.wireName();
    }
}
