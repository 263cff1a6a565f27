package dev.berth.network.internal;

import dev.berth.internal.Json;
import dev.berth.network.EndpointSpec;
import dev.berth.network.IpamPool;
import dev.berth.network.NetworkInfo;
import dev.berth.network.NetworkMember;
import dev.berth.network.NetworkSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec → Engine API body and Engine API JSON → values, without an engine. */
class NetworkMappingTest {
    @Test
    void createBody_hasEveryFlag_andBerthLabels() throws Exception {
        NetworkSpec s = NetworkSpec.builder("front").subnet("10.7.0.0/24").ipRange("10.7.0.128/25")
                .gateway("10.7.0.1").auxAddress("r", "10.7.0.2").internal().attachable().ipv6()
                .subnet("fd00:7::/64").label("team", "a").option("com.docker.network.bridge.enable_icc", "false")
                .build();
        String json = Json.write(NetworkMapping.createBody(s, Map.of("dev.berth.managed", "true")));
        assertThat(json).isEqualTo("{\"Name\":\"front\",\"CheckDuplicate\":true,\"Driver\":\"bridge\","
                + "\"Internal\":true,\"Attachable\":true,\"EnableIPv6\":true,\"IPAM\":{\"Driver\":\"default\","
                + "\"Config\":[{\"Subnet\":\"10.7.0.0/24\",\"IPRange\":\"10.7.0.128/25\",\"Gateway\":\"10.7.0.1\","
                + "\"AuxiliaryAddresses\":{\"r\":\"10.7.0.2\"}},{\"Subnet\":\"fd00:7::/64\"}],\"Options\":{}},"
                + "\"Options\":{\"com.docker.network.bridge.enable_icc\":\"false\"},"
                + "\"Labels\":{\"dev.berth.managed\":\"true\",\"team\":\"a\"}}");
    }

    @Test
    void connectBody_onlyCarriesWhatIsSet() throws Exception {
        assertThat(Json.write(NetworkMapping.connectBody("abc", EndpointSpec.DEFAULT)))
                .isEqualTo("{\"Container\":\"abc\",\"EndpointConfig\":{}}");
        assertThat(Json.write(NetworkMapping.connectBody("abc",
                EndpointSpec.builder().alias("db").ip("10.7.0.9").build())))
                .isEqualTo("{\"Container\":\"abc\",\"EndpointConfig\":{\"Aliases\":[\"db\"],"
                        + "\"IPAMConfig\":{\"IPv4Address\":\"10.7.0.9\"}}}");
    }

    @Test
    void info_readsDocker2010Inspect() throws Exception {
        // GET /v1.41/networks/{id} from Docker 20.10.24, one container attached with IPv4 and IPv6.
        String body = """
                {"Name":"nvs-v6","Id":"341c750ba69e","Created":"2026-11-28T00:41:50.426409587Z","Scope":"local",
                 "Driver":"bridge","EnableIPv6":true,"IPAM":{"Driver":"default","Options":null,
                 "Config":[{"Subnet":"10.231.77.0/24","Gateway":"10.231.77.1"},{"Subnet":"fd42:b0:1::/64"}]},
                 "Internal":false,"Attachable":false,"Ingress":false,"ConfigFrom":{"Network":""},"ConfigOnly":false,
                 "Containers":{"9a36047e":{"Name":"web","EndpointID":"eecb910e","MacAddress":"02:42:0a:e7:4d:02",
                   "IPv4Address":"10.231.77.2/24","IPv6Address":"fd42:b0:1::2/64"}},
                 "Options":{},"Labels":{"nvs.probe":"1"}}""";
        NetworkInfo n = NetworkMapping.info(Json.read(body));
        assertThat(n.name()).isEqualTo("nvs-v6");
        assertThat(n.created()).contains(Instant.parse("2026-11-28T00:41:50.426409587Z"));
        assertThat(n.ipv6()).isTrue();
        assertThat(n.ipamDriver()).isEqualTo("default");
        assertThat(n.ipam()).containsExactly(
                new IpamPool("10.231.77.0/24", Optional.empty(), Optional.of("10.231.77.1"), Map.of()),
                IpamPool.of("fd42:b0:1::/64"));
        assertThat(n.containers()).containsOnlyKeys("9a36047e");
        assertThat(n.member("web")).contains(new NetworkMember("9a36047e", "web", "eecb910e",
                "02:42:0a:e7:4d:02", "10.231.77.2", "fd42:b0:1::2"));
        assertThat(n.labels()).containsEntry("nvs.probe", "1");
        assertThat(n.isBuiltIn()).isFalse();
    }

    @Test
    void info_ofHostNetwork_hasNoPools() throws Exception {
        NetworkInfo n = NetworkMapping.info(Json.read("{\"Name\":\"host\",\"Id\":\"16fb\",\"Driver\":\"host\","
                + "\"Scope\":\"local\",\"IPAM\":{\"Driver\":\"default\",\"Config\":[]},\"Containers\":{},"
                + "\"Options\":{},\"Labels\":{}}"));
        assertThat(n.ipam()).isEmpty();
        assertThat(n.isBuiltIn()).isTrue();
    }
}
