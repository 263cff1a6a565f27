package dev.berth.swarm;

import dev.berth.swarm.internal.FileObjects;

/** The swarm's configs ({@code docker config}): create, list, find and get. */
public final class Configs extends StoredObjects<Config, ConfigInfo, ConfigSpec> {
    Configs(FileObjects<ConfigInfo> ops) {
        super(ops);
    }

    @Override
    Config handle(FileObjects<ConfigInfo> ops, String id, String name) {
        return new Config(ops, id, name);
    }
}
