package dev.berth.volume;

import dev.berth.Engine;
import dev.berth.VolumeNotFoundException;
import dev.berth.container.Container;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.volume.internal.VolumeMapping;

import java.util.List;
import java.util.Objects;

/**
 * A handle on one volume of one engine, by name. Methods block until the engine has answered. {@link #close()}
 * removes the volume, so a handle works in try-with-resources.
 *
 * <pre>{@code
 * try (Volume data = engine.volume("pgdata").create()) {
 *     engine.container("postgres:16").volume(data.name(), "/var/lib/postgresql/data").detached().run();
 * }
 * }</pre>
 */
public final class Volume implements AutoCloseable {
    private final Engine engine;
    private final String name;

    /** A handle for an existing volume; most callers get handles from {@code create()} or {@code volumes()}. */
    public Volume(Engine engine, String name) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The volume name. */
    public String name() {
        return name;
    }

    /** The engine this volume lives on. */
    public Engine engine() {
        return engine;
    }

    /** Everything the engine reports about the volume ({@code docker volume inspect}). */
    public VolumeInfo inspect() {
        try {
            return VolumeMapping.info(RawApi.call(conn(), "GET", "/volumes/" + RawApi.q(name), null).json());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "volume", name, "inspect");
        }
    }

    /** Whether the volume still exists. */
    public boolean exists() {
        try {
            inspect();
            return true;
        } catch (VolumeNotFoundException e) {
            return false;
        }
    }

    /** Handles on the containers, running or not, that mount this volume ({@code docker ps -a --filter volume=}). */
    public List<Container> containers() {
        return engine.containers().all().volume(name).containers();
    }

    /**
     * Removes the volume and its data ({@code docker volume rm}); {@link VolumeRemoveOption#FORCE} ({@code -f}) also
     * drops the engine's record of a volume whose driver fails or is gone.
     *
     * @throws dev.berth.ConflictException if a container, running or not, still uses it
     */
    public void remove(VolumeRemoveOption... options) {
        boolean force = java.util.Arrays.asList(options).contains(VolumeRemoveOption.FORCE);
        try {
            RawApi.call(conn(), "DELETE", "/volumes/" + RawApi.q(name) + (force ? "?force=true" : ""), null);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "volume", name, "remove");
        }
    }

    /** Removes the volume; one that is already gone is fine. */
    @Override
    public void close() {
        try {
            remove();
        } catch (VolumeNotFoundException gone) {
            // already removed
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Volume v && v.name.equals(name) && v.engine == engine;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }

    @Override
    public String toString() {
        return "Volume[" + name + "]";
    }
}
