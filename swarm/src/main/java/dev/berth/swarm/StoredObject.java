package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Secret} and a {@link Config} handle share: the engine stores both the same way (a name, labels and
 * data that cannot change), and {@code docker secret} and {@code docker config} have the same verbs.
 *
 * @param <S> the handle type
 * @param <I> what {@code inspect} returns
 */
abstract sealed class StoredObject<S extends StoredObject<S, I>, I> permits Secret, Config {
    private final FileObjects<I> ops;
    private final String id;
    private final String name;

    StoredObject(FileObjects<I> ops, String id, String name) {
        this.ops = ops;
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
    }

    abstract S self();

    /** Its id. */
    public String id() {
        return id;
    }

    /** Its name. */
    public String name() {
        return name;
    }

    /** What {@code docker secret inspect} or {@code docker config inspect} shows of it. */
    public I inspect() {
        return ops.info(id);
    }

    /** Replaces its labels, the only thing the engine lets change on a secret or a config. */
    public S labels(Map<String, String> labels) {
        ops.updateLabels(id, Objects.requireNonNull(labels, "labels"));
        return self();
    }

    /** Removes it ({@code docker secret rm}, {@code docker config rm}); the engine refuses while services use it. */
    public void remove() {
        ops.remove(id);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StoredObject<?, ?>) o).id.equals(id);
    }

    @Override
    public final int hashCode() {
        return id.hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + id + "]";
    }
}
