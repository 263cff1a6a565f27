package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;
import dev.berth.swarm.internal.Readers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The swarm's secrets ({@code docker secret}): create, list, find and remove. */
public final class Secrets {
    private final FileObjects ops;

    Secrets(FileObjects ops) {
        this.ops = ops;
    }

    /** Creates a secret ({@code docker secret create}); returns its handle. */
    public Secret create(SecretSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new Secret(ops, ops.create(spec.name(), spec.data(), spec.labels()), spec.name());
    }

    /** All secrets ({@code docker secret ls}). */
    public List<SecretInfo> list() {
        return ops.list(null).stream().map(Readers::secret).toList();
    }

    /** The secrets with a label, {@code key} or {@code key=value} ({@code docker secret ls --filter label=…}). */
    public List<SecretInfo> list(String label) {
        return ops.list(Objects.requireNonNull(label, "label")).stream().map(Readers::secret)
                .toList();
    }

    /** The secret with this name or id, if it exists. */
    public Optional<Secret> find(String nameOrId) {
        try {
            return Optional.of(get(nameOrId));
        } catch (dev.berth.NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The secret with this name or id.
     *
     * @throws dev.berth.NotFoundException if there is none
     */
    public Secret get(String nameOrId) {
        FileObjects.Ref r = ops.ref(Objects.requireNonNull(nameOrId, "nameOrId"));
        return new Secret(ops, r.id(), r.name());
    }
}
