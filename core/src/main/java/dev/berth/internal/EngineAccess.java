package dev.berth.internal;

import dev.berth.Engine;

import java.util.Map;
import java.util.function.Function;

/** Lets Berth's own packages reach an engine's {@link Connection} without making it public API on {@link Engine}. */
public final class EngineAccess {
    private static volatile Function<Engine, Connection> accessor;
    private static volatile ViewFactory views;

    private EngineAccess() {
    }

    /** Makes a view of an engine for another session; implemented by {@link Engine}'s private constructor. */
    @FunctionalInterface
    public interface ViewFactory {
        Engine view(Engine parent, String sessionId, Map<String, String> extraLabels);
    }

    /** Called once by {@link Engine}'s static initialiser. */
    public static void register(Function<Engine, Connection> a, ViewFactory v) {
        accessor = a;
        views = v;
    }

    /** The engine's connection. */
    public static Connection connection(Engine engine) {
        return accessor.apply(engine);
    }

    /**
     * A view of {@code engine} on the same connection whose resources carry {@code sessionId} and the extra Berth
     * labels instead of the engine's own session; closing the view does nothing. For resources meant to outlive the
     * session, such as reusable test fixtures: a session id that never publishes a heartbeat is never reaped.
     */
    public static Engine view(Engine engine, String sessionId, Map<String, String> extraLabels) {
        engine.sessionId(); // initialises Engine, which registers the factory
        return views.view(engine, sessionId, extraLabels);
    }
}
