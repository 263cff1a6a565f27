package dev.berth.swarm;

import dev.berth.testing.Architecture;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Swarm's internal package sits below its public API: it uses value types only (see core's LayeringTest). */
class LayeringTest {
    @Test
    void internalPackage_dependsOnValueTypesOnly() {
        assertThat(Architecture.ofThisModule().internalDependenciesOnTheLayerAbove(Set.of())).isEmpty();
    }
}
