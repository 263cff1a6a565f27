package dev.berth.junit.internal;

import java.util.Set;

/** What one {@code @Managed} field declares: a resource to start, with its dependencies. */
sealed interface Fixture permits ContainerFixture, NetworkFixture, VolumeFixture, ComposeFixture {

    /** The field's name. */
    String field();

    /** Fields of the same class that must be started first, declared or implied. */
    Set<String> dependsOn();

    /** Whether the field asked for reuse. */
    boolean reuse();

    /** The name other fixtures' specs use to refer to this one (a network or volume name), if any. */
    default String referenceName() {
        return "";
    }

    /** The same fixture with more dependencies. */
    Fixture withDependencies(Set<String> more);

    /** Both sets of dependencies. */
    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Starts the resource and waits until it is ready; blocks. Leaves nothing behind when it fails. */
    Started start(EngineSession session);
}
