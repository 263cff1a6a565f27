package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Secrets} and {@link Configs} share: create, list, find and get, over the engine's {@code /secrets}
 * and {@code /configs}, which have the same shape.
 *
 * @param <H> the handle type
 * @param <I> what listing returns
 * @param <P> the spec to create one from
 */
abstract sealed class StoredObjects<H, I, P extends StoredObjectSpec<P>> permits Secrets, Configs {
    private final FileObjects<I> ops;

    StoredObjects(FileObjects<I> ops) {
        this.ops = ops;
    }

    abstract H handle(FileObjects<I> ops, String id, String name);

    /** Creates one ({@code docker secret create}, {@code docker config create}); returns its handle. */
    public H create(P spec) {
        Objects.requireNonNull(spec, "spec");
        return handle(ops, ops.create(spec.name(), spec.data(), spec.labels()), spec.name());
    }

    /** All of them ({@code docker secret ls}, {@code docker config ls}). */
    public List<I> list() {
        return ops.infos(null);
    }

    /** Those with a label, {@code key} or {@code key=value} ({@code ls --filter label=…}). */
    public List<I> list(String label) {
        return ops.infos(Objects.requireNonNull(label, "label"));
    }

    /** The one with this name or id, if it exists. */
    public Optional<H> find(String nameOrId) {
        try {
            return Optional.of(get(nameOrId));
        } catch (dev.berth.NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The one with this name or id.
     *
     * @throws dev.berth.NotFoundException if there is none
     */
    public H get(String nameOrId) {
        FileObjects.Ref r = ops.ref(Objects.requireNonNull(nameOrId, "nameOrId"));
        return handle(ops, r.id(), r.name());
    }
}
