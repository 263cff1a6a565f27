package dev.berth.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a prune selects, and the combinations the engine would silently widen, refused before any I/O. */
class PruneSpecTest {

    @Test
    void system_hasDockerSystemPruneDefaults() {
        // docker system prune: stopped containers, unused networks, dangling images, build cache; no volumes.
        PruneSpec s = PruneSpec.system().build();
        assertThat(s.containers()).isTrue();
        assertThat(s.networks()).isTrue();
        assertThat(s.images()).isEqualTo(PruneSpec.Images.DANGLING);
        assertThat(s.buildCache()).isTrue();
        assertThat(s.volumes()).isFalse();
        assertThat(PruneSpec.system().volumes().allImages().build().images()).isEqualTo(PruneSpec.Images.ALL);
    }

    @Test
    void nothingSelected_isRefused() {
        assertThatThrownBy(() -> PruneSpec.builder().label("a").build()).hasMessageContaining("Nothing to prune");
    }

    @Test
    void buildCacheWithLabels_isRefused_becauseTheEngineIgnoresThem() {
        assertThatThrownBy(() -> PruneSpec.system().label("ci.run", "1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prune all build cache");
        assertThat(PruneSpec.builder().containers().label("ci.run", "1").labelNot("keep").build().labels())
                .containsExactly("ci.run=1");
    }

    @Test
    void volumesWithUntil_isRefused() {
        assertThatThrownBy(() -> PruneSpec.builder().volumes().until(Duration.ofHours(1)).build())
                .hasMessageContaining("cannot filter volumes by age");
    }

    @Test
    void labelKeys_areChecked() {
        assertThatThrownBy(() -> PruneSpec.builder().label("a=b")).hasMessageContaining("'a=b'");
    }

    @Test
    void toBuilder_roundTrips() {
        PruneSpec s = PruneSpec.builder().containers().images().label("x").labelNot("keep", "yes")
                .until(Duration.ofMinutes(5)).build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }
}
