package dev.berth.volume;

import dev.berth.internal.Json;
import dev.berth.volume.internal.VolumeMapping;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The volume spec, its Engine API body and the inspect mapping, without an engine. */
class VolumeSpecTest {
    @Test
    void tmpfsOptions_goToDriverOpts_asDockerVolumeCreateOpt() throws Exception {
        // docker volume create --driver local --opt type=tmpfs --opt device=tmpfs --opt o=size=8m --label a=b cache
        VolumeSpec s = VolumeSpec.builder("cache").option("type", "tmpfs").option("device", "tmpfs")
                .option("o", "size=8m").label("a", "b").build();
        assertThat(Json.write(VolumeMapping.createBody(s, Map.of("dev.berth.managed", "true"))))
                .isEqualTo("{\"Name\":\"cache\",\"Driver\":\"local\",\"DriverOpts\":{\"device\":\"tmpfs\","
                        + "\"o\":\"size=8m\",\"type\":\"tmpfs\"},\"Labels\":{\"a\":\"b\",\"dev.berth.managed\":\"true\"}}");
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void unnamed_letsTheEngineName() throws Exception {
        assertThat(Json.write(VolumeMapping.createBody(VolumeSpec.builder().build(), Map.of())))
                .isEqualTo("{\"Driver\":\"local\",\"DriverOpts\":{},\"Labels\":{}}");
    }

    @Test
    void invalidNames_andReservedLabels_failFast() {
        assertThatThrownBy(() -> VolumeSpec.builder("a").build()).hasMessageContaining("'a'");
        assertThatThrownBy(() -> VolumeSpec.builder("/data").build()).hasMessageContaining("'/data'");
        assertThatThrownBy(() -> VolumeSpec.builder("d").label("dev.berth.x", "y")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> VolumeSpec.builder("data").create()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void info_readsInspect() throws Exception {
        VolumeInfo v = VolumeMapping.info(Json.read("""
                {"CreatedAt":"2026-11-28T00:41:50Z","Driver":"local","Labels":{"nvs.probe":"1"},
                 "Mountpoint":"/var/lib/docker/volumes/cache/_data","Name":"cache",
                 "Options":{"device":"tmpfs","o":"size=8m","type":"tmpfs"},"Scope":"local"}"""));
        assertThat(v).isEqualTo(new VolumeInfo("cache", "local", Path.of("/var/lib/docker/volumes/cache/_data"),
                "local", java.util.Optional.of(Instant.parse("2026-11-28T00:41:50Z")),
                Map.of("device", "tmpfs", "o", "size=8m", "type", "tmpfs"), Map.of("nvs.probe", "1")));
        assertThat(VolumeMapping.info(Json.read("{\"Name\":\"x\",\"Options\":null,\"Labels\":null}")).options())
                .isEmpty();
    }
}
