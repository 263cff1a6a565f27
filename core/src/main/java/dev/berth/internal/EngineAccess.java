package dev.berth.internal;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one bridge from the public API down to internal code: public handles (in several packages) reach the
 * {@link Connection} behind an {@code Engine} without {@code Engine} making it public API. Keyed on {@code Object} on
 * purpose: internal code never refers to {@code Engine} or any other handle, so it sits below the public API
 * (see package-info).
 */
public final class EngineAccess {
    private static volatile Function<Object, Connection> accessor;
    private static volatile BiFunction<Object, Connection, Object> views;

    private EngineAccess() {
    }

    /**
     * Called once by {@code Engine}'s static initialiser: how to reach an engine's connection, and how to make an
     * engine on a {@link Connection#view view} of its parent's connection.
     */
    public static void register(Function<Object, Connection> a, BiFunction<Object, Connection, Object> v) {
        accessor = a;
        views = v;
    }

    /** The connection of an {@code Engine}. */
    public static Connection connection(Object engine) {
        return accessor.apply(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * An {@code Engine} on a {@link Connection#view view} of {@code engine}'s connection: what it creates carries
     * {@code sessionId} and the extra Berth labels instead of the engine's own session; closing it does nothing.
     */
    @SuppressWarnings("unchecked")
    public static <E> E view(E engine, String sessionId, Map<String, String> extraLabels) {
        Connection view = connection(engine).view(sessionId, extraLabels); // an engine exists: Engine registered
        return (E) views.apply(engine, view);
    }
}
