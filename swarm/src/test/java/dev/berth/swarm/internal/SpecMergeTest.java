package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.internal.Json;
import dev.berth.swarm.ServiceSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing a spec back keeps what other clients set and Berth does not model. */
class SpecMergeTest {
    private static final JsonNode CURRENT = Json.read("""
            {"Name":"web","Labels":{"old":"1"},
             "TaskTemplate":{"ContainerSpec":{"Image":"nginx:1","Env":["A=1"],"Privileges":{"NoNewPrivileges":true},
               "Isolation":"default","Groups":["audio"],"DNSConfig":{"Nameservers":["1.1.1.1"],"Options":["ndots:2"]}},
               "Resources":{"Limits":{"MemoryBytes":1},"Reservations":{"GenericResources":[{"DiscreteResourceSpec":
               {"Kind":"gpu","Value":1}}]}},
               "Placement":{"Constraints":["node.role==worker"],"Platforms":[{"Architecture":"amd64","OS":"linux"}]},
               "ForceUpdate":7,"Runtime":"container"},
             "Mode":{"Replicated":{"Replicas":2}},"EndpointSpec":{"Mode":"vip"}}""");

    @Test
    void merge_keepsUnmodelledFields_andReplacesModelledOnes() {
        ServiceSpec spec = ServiceSpecReader.read(CURRENT).toBuilder().image("nginx:2").replicas(4).build();
        ObjectNode fresh = ServiceJson.toJson(spec, ServiceJson.Ids.byName());
        JsonNode merged = SpecMerge.merge(CURRENT, fresh);

        JsonNode c = merged.at("/TaskTemplate/ContainerSpec");
        assertThat(c.path("Image").asText()).isEqualTo("nginx:2");
        assertThat(merged.at("/Mode/Replicated/Replicas").asInt()).isEqualTo(4);
        assertThat(c.path("Privileges").path("NoNewPrivileges").asBoolean()).isTrue();
        assertThat(c.path("Isolation").asText()).isEqualTo("default");
        assertThat(c.path("Groups").get(0).asText()).isEqualTo("audio");
        assertThat(c.at("/DNSConfig/Options/0").asText()).isEqualTo("ndots:2");
        assertThat(c.at("/DNSConfig/Nameservers/0").asText()).isEqualTo("1.1.1.1");
        assertThat(merged.at("/TaskTemplate/ForceUpdate").asInt()).isEqualTo(7);
        assertThat(merged.at("/TaskTemplate/Runtime").asText()).isEqualTo("container");
        assertThat(merged.at("/TaskTemplate/Placement/Platforms/0/OS").asText()).isEqualTo("linux");
        assertThat(merged.at("/TaskTemplate/Resources/Reservations/GenericResources/0/DiscreteResourceSpec/Kind")
                .asText()).isEqualTo("gpu");
        assertThat(merged.at("/TaskTemplate/Resources/Limits/MemoryBytes").asLong()).isEqualTo(1);
    }

    @Test
    void merge_removesModelledFieldsTheNewSpecDropped() {
        ServiceSpec spec = ServiceSpec.builder("nginx:1").name("web").build();
        JsonNode merged = SpecMerge.merge(CURRENT, ServiceJson.toJson(spec, ServiceJson.Ids.byName()));
        assertThat(merged.at("/TaskTemplate/ContainerSpec/Env").isMissingNode()).isTrue();
        assertThat(merged.at("/TaskTemplate/Placement/Constraints").isMissingNode()).isTrue();
        assertThat(merged.at("/TaskTemplate/Resources/Limits").isMissingNode()).isTrue();
        assertThat(merged.at("/Labels/old").isMissingNode()).isTrue();
        assertThat(merged.at("/TaskTemplate/ContainerSpec/DNSConfig/Options/0").asText()).isEqualTo("ndots:2");
        assertThat(merged.at("/TaskTemplate/ContainerSpec/DNSConfig/Nameservers").isMissingNode()).isTrue();
    }
}
