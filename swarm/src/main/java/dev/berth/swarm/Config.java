package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;

/**
 * A handle on a swarm config: its id and name, and the verbs of {@code docker config} (inspect, label, remove).
 * Equal when the ids are.
 */
public final class Config extends StoredObject<Config, ConfigInfo> {
    Config(FileObjects<ConfigInfo> ops, String id, String name) {
        super(ops, id, name);
    }

    @Override
    Config self() {
        return this;
    }
}
