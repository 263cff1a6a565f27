package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;

import java.util.Map;
import java.util.Objects;

/** A handle on a swarm config: its id and name, and the verbs of {@code docker config}. */
public final class Config {
    private final FileObjects ops;
    private final String id;
    private final String name;

    Config(FileObjects ops, String id, String name) {
        this.ops = ops;
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The config's id. */
    public String id() {
        return id;
    }

    /** The config's name. */
    public String name() {
        return name;
    }

    /** The config as {@code docker config inspect} shows it. */
    public ConfigInfo inspect() {
        return dev.berth.swarm.internal.Readers.config(ops.inspect(id));
    }

    /** Replaces its labels, the only thing the engine lets change on a config. */
    public Config labels(Map<String, String> labels) {
        ops.updateLabels(id, labels);
        return this;
    }

    /** Removes it ({@code docker config rm}); the engine refuses while services use it. */
    public void remove() {
        ops.remove(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config s && s.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Config[" + name + ", " + id + "]";
    }
}
