package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;
import dev.berth.swarm.internal.Readers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The swarm's configs ({@code docker config}): create, list, find and remove. */
public final class Configs {
    private final FileObjects ops;

    Configs(FileObjects ops) {
        this.ops = ops;
    }

    /** Creates a config ({@code docker config create}); returns its handle. */
    public Config create(ConfigSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new Config(ops, ops.create(spec.name(), spec.data(), spec.labels()), spec.name());
    }

    /** All configs ({@code docker config ls}). */
    public List<ConfigInfo> list() {
        return ops.list(null).stream().map(Readers::config).toList();
    }

    /** The configs with a label, {@code key} or {@code key=value} ({@code docker config ls --filter label=…}). */
    public List<ConfigInfo> list(String label) {
        return ops.list(Objects.requireNonNull(label, "label")).stream().map(Readers::config)
                .toList();
    }

    /** The config with this name or id, if it exists. */
    public Optional<Config> find(String nameOrId) {
        try {
            return Optional.of(get(nameOrId));
        } catch (dev.berth.NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The config with this name or id.
     *
     * @throws dev.berth.NotFoundException if there is none
     */
    public Config get(String nameOrId) {
        FileObjects.Ref r = ops.ref(Objects.requireNonNull(nameOrId, "nameOrId"));
        return new Config(ops, r.id(), r.name());
    }
}
