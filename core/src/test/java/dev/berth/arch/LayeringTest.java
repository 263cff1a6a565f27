package dev.berth.arch;

import dev.berth.testing.Architecture;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's internal packages sit below its public API (see {@code dev.berth.internal}'s package-info): they use value
 * types only — never {@code Engine}, a handle, a query or a builder — so the old Engine ↔ handles ↔ internal circle
 * cannot come back. (That no public signature mentions an internal type is release-check's PublicApiBoundaryTest,
 * one rule over every module.)
 */
class LayeringTest {
    /** Immutable values that are plain final classes rather than records or specs. */
    static final Set<String> ALSO_VALUES = Set.of(
            "dev.berth.Labels",
            "dev.berth.image.BuildContext",
            "dev.berth.image.ContextStream",
            "dev.berth.image.DockerIgnore",
            "dev.berth.registry.Credentials",
            "dev.berth.registry.RegistryAuth");

    private final Architecture core = Architecture.ofThisModule();

    @Test
    void internalPackages_dependOnValueTypesOnly() {
        assertThat(core.internalDependenciesOnTheLayerAbove(ALSO_VALUES)).isEmpty();
    }

    @Test
    void internalPackages_neverSeeEngineOrHandles() {
        Set<String> above = Set.of("dev.berth.Engine", "dev.berth.Docker", "dev.berth.container.Container",
                "dev.berth.image.Image", "dev.berth.network.Network", "dev.berth.volume.Volume");
        core.dependencies().forEach((from, tos) -> {
            if (from.contains(".internal.")) {
                assertThat(tos).as(from).doesNotContainAnyElementsOf(above);
            }
        });
    }

    @Test
    void theNamedValues_areImmutableLeaves() {
        // A named value may not itself reach up to the engine-bound layer.
        for (String v : ALSO_VALUES) {
            assertThat(core.dependencies().get(v)).as(v).doesNotContain("dev.berth.Engine");
        }
    }

    @Test
    void scanner_seesClassAndSignatureReferences_andTellsValuesFromTheLayerAbove() {
        assertThat(core.dependencies().get("dev.berth.Engine"))
                .contains("dev.berth.internal.Connection", "dev.berth.container.ContainerSpec$Builder");
        assertThat(core.dependencies().get("dev.berth.container.internal.CreateMapping"))
                .contains("dev.berth.container.ContainerSpec", "dev.berth.container.Mount$Bind");
        assertThat(Architecture.isValue(dev.berth.container.ContainerSpec.class)).isTrue();
        assertThat(Architecture.isValue(dev.berth.container.Mount.class)).isTrue();
        assertThat(Architecture.isValue(dev.berth.NotFoundException.class)).isTrue();
        assertThat(Architecture.isValue(dev.berth.Engine.class)).isFalse();
        assertThat(Architecture.isValue(dev.berth.container.ContainerSpec.Builder.class)).isFalse();
        assertThat(Architecture.isValue(dev.berth.container.Container.class)).isFalse();
    }
}
