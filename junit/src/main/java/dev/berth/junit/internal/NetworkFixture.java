package dev.berth.junit.internal;

import dev.berth.BerthException;
import dev.berth.junit.FixtureException;
import dev.berth.network.Network;
import dev.berth.network.NetworkSpec;

import java.util.Set;

/** A {@code @Managed NetworkSpec}: created with the spec's name, removed after its scope. */
record NetworkFixture(String field, NetworkSpec spec, boolean reuse, Set<String> dependsOn) implements Fixture {

    @Override
    public String referenceName() {
        return spec.name();
    }

    @Override
    public Fixture withDependencies(Set<String> more) {
        return new NetworkFixture(field, spec, reuse, Fixture.union(dependsOn, more));
    }

    @Override
    public Started start(EngineSession session) {
        if (reuse && session.reuseEnabled()) {
            return Reuse.network(session, this);
        }
        try {
            Network n = session.engine().network(spec).create();
            return Started.withoutLogs(field, n, n::close);
        } catch (BerthException e) {
            throw new FixtureException("Cannot create network fixture '" + field + "': " + e.getMessage(), e);
        }
    }
}
