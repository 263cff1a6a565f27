package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;

/** The swarm's secrets ({@code docker secret}): create, list, find and get. */
public final class Secrets extends StoredObjects<Secret, SecretInfo, SecretSpec> {
    Secrets(FileObjects<SecretInfo> ops) {
        super(ops);
    }

    @Override
    Secret handle(FileObjects<SecretInfo> ops, String id, String name) {
        return new Secret(ops, id, name);
    }
}
