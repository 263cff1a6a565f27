package dev.berth;

import dev.berth.container.ContainerSpec;
import dev.berth.network.NetworkSpec;
import dev.berth.volume.VolumeSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Berth keeps the {@code dev.berth.} label namespace for its own bookkeeping, on every kind of spec. */
class LabelsTest {
    @Test
    void putUserLabel_acceptsOrdinaryLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        Labels.putUserLabel(labels, "com.example.team", "db");
        Labels.putUserLabel(labels, "dev.berthing", "not the prefix");

        assertThat(labels).containsEntry("com.example.team", "db").containsEntry("dev.berthing", "not the prefix");
    }

    @Test
    void berthsOwnLabels_areRefusedOnContainersNetworksAndVolumes() {
        assertThatThrownBy(() -> ContainerSpec.builder("busybox").label(Labels.SESSION, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dev.berth.session' is reserved");
        assertThatThrownBy(() -> NetworkSpec.builder("n").labels(Map.of(Labels.MANAGED, "false")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dev.berth.managed' is reserved");
        assertThatThrownBy(() -> VolumeSpec.builder().label("dev.berth.anything", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    @Test
    void nullKeysAndValues_areNamed() {
        Map<String, String> labels = new LinkedHashMap<>();
        assertThatThrownBy(() -> Labels.putUserLabel(labels, null, "v")).hasMessage("key");
        assertThatThrownBy(() -> Labels.putUserLabel(labels, "k", null)).hasMessage("value");
        assertThat(labels).isEmpty();
    }
}
