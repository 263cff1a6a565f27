package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;

import java.util.Map;
import java.util.Objects;

/** A handle on a swarm secret: its id and name, and the verbs of {@code docker secret}. */
public final class Secret {
    private final FileObjects ops;
    private final String id;
    private final String name;

    Secret(FileObjects ops, String id, String name) {
        this.ops = ops;
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The secret's id. */
    public String id() {
        return id;
    }

    /** The secret's name. */
    public String name() {
        return name;
    }

    /** The secret as {@code docker secret inspect} shows it. */
    public SecretInfo inspect() {
        return dev.berth.swarm.internal.Readers.secret(ops.inspect(id));
    }

    /** Replaces its labels, the only thing the engine lets change on a secret. */
    public Secret labels(Map<String, String> labels) {
        ops.updateLabels(id, labels);
        return this;
    }

    /** Removes it ({@code docker secret rm}); the engine refuses while services use it. */
    public void remove() {
        ops.remove(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[" + name + ", " + id + "]";
    }
}
