package dev.berth.internal;

import java.util.function.Function;

/**
 * The one bridge from the public API down to internal code: public handles (in several packages) reach the
 * {@link Connection} behind an {@code Engine} without {@code Engine} making it public API. Keyed on {@code Object} on
 * purpose: internal code never refers to {@code Engine} or any other handle, so it sits below the public API
 * (see package-info).
 */
public final class EngineAccess {
    private static volatile Function<Object, Connection> accessor;

    private EngineAccess() {
    }

    /** Called once by {@code Engine}'s static initialiser. */
    public static void register(Function<Object, Connection> a) {
        accessor = a;
    }

    /** The connection of an {@code Engine}. */
    public static Connection connection(Object engine) {
        return accessor.apply(java.util.Objects.requireNonNull(engine, "engine"));
    }
}
