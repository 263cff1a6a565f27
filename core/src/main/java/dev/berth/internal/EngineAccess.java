package dev.berth.internal;

import dev.berth.Engine;

import java.util.function.Function;

/** Lets Berth's own packages reach an engine's {@link Connection} without making it public API on {@link Engine}. */
public final class EngineAccess {
    private static volatile Function<Engine, Connection> accessor;

    private EngineAccess() {
    }

    /** Called once by {@link Engine}'s static initialiser. */
    public static void register(Function<Engine, Connection> a) {
        accessor = a;
    }

    /** The engine's connection. */
    public static Connection connection(Engine engine) {
        return accessor.apply(engine);
    }
}
