package dev.berth.junit.internal;

import dev.berth.BerthException;
import dev.berth.junit.FixtureException;
import dev.berth.volume.Volume;
import dev.berth.volume.VolumeSpec;

import java.util.Set;

/** A {@code @Managed VolumeSpec}: created (named as the spec says, or by the engine), removed after its scope. */
record VolumeFixture(String field, VolumeSpec spec, boolean reuse, Set<String> dependsOn) implements Fixture {

    @Override
    public String referenceName() {
        return spec.name().orElse("");
    }

    @Override
    public Fixture withDependencies(Set<String> more) {
        return new VolumeFixture(field, spec, reuse, Fixture.union(dependsOn, more));
    }

    @Override
    public Started start(EngineSession session) {
        if (reuse && session.reuseEnabled()) {
            return Reuse.volume(session, this);
        }
        try {
            Volume v = session.engine().volume(spec).create();
            return Started.withoutLogs(field, v, v::close);
        } catch (BerthException e) {
            throw new FixtureException("Cannot create volume fixture '" + field + "': " + e.getMessage(), e);
        }
    }
}
