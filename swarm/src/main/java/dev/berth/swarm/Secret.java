package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;

/**
 * A handle on a swarm secret: its id and name, and the verbs of {@code docker secret} (inspect, label, remove).
 * Equal when the ids are.
 */
public final class Secret extends StoredObject<Secret, SecretInfo> {
    Secret(FileObjects<SecretInfo> ops, String id, String name) {
        super(ops, id, name);
    }

    @Override
    Secret self() {
        return this;
    }
}
