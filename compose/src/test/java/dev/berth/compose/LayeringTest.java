package dev.berth.compose;

import dev.berth.testing.Architecture;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Compose's internal package sits below its public API: it uses value types only (see core's LayeringTest). */
class LayeringTest {
    @Test
    void internalPackage_dependsOnValueTypesOnly() {
        // The project model's root is an immutable final class, not a record; the loader assembles it.
        assertThat(Architecture.ofThisModule()
                .internalDependenciesOnTheLayerAbove(Set.of("dev.berth.compose.model.Project"))).isEmpty();
    }
}
