package dev.berth.junit.internal;

import dev.berth.container.ContainerSpec;
import dev.berth.network.NetworkSpec;
import dev.berth.volume.VolumeSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpecHashTest {

    @Test
    void canonical_sortsKeysAtEveryLevel_andTheEnvironment_butKeepsOtherListsInOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Image", "img");
        a.put("Env", List.of("B=2", "A=1"));
        a.put("Cmd", List.of("sh", "-c", "x"));
        a.put("Labels", new LinkedHashMap<>(Map.of("z", "1", "a", "2")));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("Labels", Map.of("a", "2", "z", "1"));
        b.put("Cmd", List.of("sh", "-c", "x"));
        b.put("Env", List.of("A=1", "B=2"));
        b.put("Image", "img");
        assertThat(SpecHash.canonical(a, "")).isEqualTo(SpecHash.canonical(b, ""))
                .hasToString("{Cmd=[sh, -c, x], Env=[A=1, B=2], Image=img, Labels={a=2, z=1}}");
        Map<String, Object> c = new LinkedHashMap<>(b);
        c.put("Cmd", List.of("-c", "sh", "x"));
        assertThat(SpecHash.canonical(c, "")).isNotEqualTo(SpecHash.canonical(b, ""));
    }

    @Test
    void containerRequest_isCanonicalOverDeclarationOrder_andSeesEveryChange() {
        ContainerSpec spec = ContainerSpec.builder("alpine:3.19").env("B", "2").env("A", "1").label("z", "1")
                .label("a", "2").command("sleep", "60").name("db").build();
        ContainerSpec reordered = ContainerSpec.builder("alpine:3.19").label("a", "2").env("A", "1").label("z", "1")
                .env("B", "2").command("sleep", "60").name("db").build();
        Object canonical = SpecHash.canonical(SpecHash.containerRequest(spec), "");
        assertThat(SpecHash.canonical(SpecHash.containerRequest(reordered), "")).isEqualTo(canonical);
        assertThat(canonical.toString()).contains("Env=[A=1, B=2]", "Labels={a=2, z=1}", "Name=db");
        for (ContainerSpec other : new ContainerSpec[] {spec.toBuilder().env("A", "3").build(),
                spec.toBuilder().command("sleep", "61").build(), spec.toBuilder().name("db2").build(),
                spec.toBuilder().publish(8080, 80).build(), spec.toBuilder().network("n1").build()}) {
            assertThat(SpecHash.canonical(SpecHash.containerRequest(other), "")).as(other.toString())
                    .isNotEqualTo(canonical);
        }
    }

    @Test
    void equalSpecsHashEqual_differentSpecsDiffer() {
        NetworkSpec n = NetworkSpec.builder("n1").label("b", "2").label("a", "1").build();
        assertThat(SpecHash.network(n)).hasSize(64)
                .isEqualTo(SpecHash.network(NetworkSpec.builder("n1").label("a", "1").label("b", "2").build()))
                .isNotEqualTo(SpecHash.network(NetworkSpec.builder("n2").label("a", "1").label("b", "2").build()))
                .isNotEqualTo(SpecHash.network(n.toBuilder().internal().build()));
        assertThat(SpecHash.volume(VolumeSpec.builder("v1").build()))
                .isEqualTo(SpecHash.volume(VolumeSpec.builder("v1").build()))
                .isNotEqualTo(SpecHash.volume(VolumeSpec.builder("v1").option("type", "tmpfs").build()))
                .isNotEqualTo(SpecHash.network(NetworkSpec.builder("v1").build()));
    }
}
