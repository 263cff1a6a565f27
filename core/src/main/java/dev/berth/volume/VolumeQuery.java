package dev.berth.volume;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.PruneReport;
import dev.berth.VolumeNotFoundException;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Errors;
import dev.berth.internal.Filters;
import dev.berth.internal.Prunes;
import dev.berth.internal.RawApi;
import dev.berth.volume.internal.VolumeMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker volume ls} with filters, and what acts on its selection ({@code rm}, {@code prune}). Filters of one
 * kind are ORed, different kinds ANDed, as in the engine.
 *
 * <pre>{@code
 * List<VolumeInfo> unused = engine.volumes().dangling(true).label("team", "payments").list();
 * }</pre>
 */
public final class VolumeQuery {
    private static final Set<String> LIST = Set.of("name", "label", "driver", "dangling");
    private static final Set<String> PRUNE = Set.of("label", "label!");
    private final Engine engine;
    private final Filters filters = new Filters();

    private VolumeQuery(Engine engine) {
        this.engine = engine;
    }

    /** A query on the engine with no filters. */
    public static VolumeQuery of(Engine engine) {
        return new VolumeQuery(Objects.requireNonNull(engine, "engine"));
    }

    /** Only volumes whose name contains this text. */
    public VolumeQuery name(String name) {
        filters.add("name", name);
        return this;
    }

    /** Only volumes with this label key. */
    public VolumeQuery label(String key) {
        filters.add("label", key);
        return this;
    }

    /** Only volumes with this label value. */
    public VolumeQuery label(String key, String value) {
        filters.add("label", key + "=" + Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Only volumes without this label key; for {@link #prune()} only ({@code --filter label!=KEY}). */
    public VolumeQuery labelNot(String key) {
        filters.add("label!", key);
        return this;
    }

    /** Only volumes without this label value; for {@link #prune()} only. */
    public VolumeQuery labelNot(String key, String value) {
        filters.add("label!", key + "=" + Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Only volumes of this driver. */
    public VolumeQuery driver(String driver) {
        filters.add("driver", driver);
        return this;
    }

    /** Only volumes no container uses ({@code true}), or only volumes in use ({@code false}). */
    public VolumeQuery dangling(boolean dangling) {
        filters.set("dangling", Boolean.toString(dangling));
        return this;
    }

    /** Only volumes created by this engine session. */
    public VolumeQuery ownSession() {
        return label(Labels.SESSION, engine.sessionId());
    }

    /** The matching volumes ({@code docker volume ls}). */
    public List<VolumeInfo> list() {
        filters.require(LIST, "docker volume ls");
        try {
            JsonNode r = RawApi.call(conn(), "GET", "/volumes" + filters.query(), null).json();
            List<VolumeInfo> out = new ArrayList<>();
            r.path("Volumes").forEach(v -> out.add(VolumeMapping.info(v)));
            return out;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "volume", filters.toString(), "list");
        }
    }

    /** The names of the matching volumes ({@code docker volume ls -q}). */
    public List<String> names() {
        return list().stream().map(VolumeInfo::name).toList();
    }

    /** Handles on the matching volumes. */
    public List<Volume> volumes() {
        return list().stream().map(v -> new Volume(engine, v.name())).toList();
    }

    /** The volume with this name, if it exists (filters do not apply). */
    public Optional<Volume> find(String name) {
        Volume v = new Volume(engine, Objects.requireNonNull(name, "name"));
        return v.exists() ? Optional.of(v) : Optional.empty();
    }

    /** The volume with this name; throws {@link VolumeNotFoundException} if there is none. */
    public Volume get(String name) {
        return find(name).orElseThrow(() -> new VolumeNotFoundException(name, null));
    }

    /**
     * Removes every matching volume ({@code docker volume rm $(docker volume ls -q …)}); returns their names.
     *
     * @throws BerthException naming those that could not be removed (e.g. in use); the others are removed
     */
    public List<String> remove() {
        List<String> removed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Volume v : volumes()) {
            try {
                v.remove();
                removed.add(v.name());
            } catch (VolumeNotFoundException gone) {
                removed.add(v.name());
            } catch (RuntimeException e) {
                failed.add(e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new BerthException("Could not remove " + failed.size() + " volumes: " + failed
                    + "; the others were removed");
        }
        return removed;
    }

    /**
     * Removes the matching volumes no container uses, named and anonymous, and their data ({@code docker volume
     * prune --all}; Docker 20.10's prune without {@code --all}). Engines from API 1.42 on prune only anonymous volumes
     * unless asked for all; Berth asks, so every engine removes the same set. Only label and labelNot filters apply.
     *
     * @throws IllegalStateException if another filter is set
     */
    public PruneReport prune() {
        filters.require(PRUNE, "docker volume prune");
        return Prunes.volumes(conn(), filters);
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }
}
