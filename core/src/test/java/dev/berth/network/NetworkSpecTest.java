package dev.berth.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The network spec and its builder; IPAM flags are grouped as {@code docker network create} groups them. */
class NetworkSpecTest {

    @Test
    void defaults_areABridgeWithEnginePickedAddresses() {
        NetworkSpec s = NetworkSpec.builder("front").build();
        assertThat(s.driver()).isEqualTo("bridge");
        assertThat(s.ipam()).isEmpty();
        assertThat(s.internal() || s.attachable() || s.ipv6()).isFalse();
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void ipamFlags_goToTheSubnetContainingThem_inAnyOrder() {
        // docker network create --subnet 10.1.0.0/24 --subnet fd00:1::/64 --gateway fd00:1::1 --ip-range 10.1.0.128/25
        //   --gateway 10.1.0.1 --aux-address router=10.1.0.2: each value lands on the subnet containing it.
        NetworkSpec s = NetworkSpec.builder("n").subnet("10.1.0.0/24").subnet("fd00:1::/64").gateway("fd00:1::1")
                .ipRange("10.1.0.128/25").gateway("10.1.0.1").auxAddress("router", "10.1.0.2").ipv6().build();
        assertThat(s.ipam()).containsExactly(
                new IpamPool("10.1.0.0/24", Optional.of("10.1.0.128/25"), Optional.of("10.1.0.1"),
                        Map.of("router", "10.1.0.2")),
                new IpamPool("fd00:1::/64", Optional.empty(), Optional.of("fd00:1::1"), Map.of()));
        assertThat(s.ipv6()).isTrue();
    }

    @Test
    void ipamFlags_thatDoNotFit_failWithTheCliReason() {
        // The messages are the docker CLI's (cli/command/network/create.go consolidateIpam), pinned by
        // NetworkCliConformanceIT against the CLI itself.
        assertThatThrownBy(() -> NetworkSpec.builder("n").gateway("10.1.0.1").build())
                .hasMessage("every ip-range or gateway must have a corresponding subnet");
        assertThatThrownBy(() -> NetworkSpec.builder("n").subnet("10.1.0.0/24").gateway("10.2.0.1").build())
                .hasMessage("no matching subnet for gateway 10.2.0.1");
        assertThatThrownBy(() -> NetworkSpec.builder("n").subnet("10.1.0.0/24").ipRange("10.2.0.0/25").build())
                .hasMessage("no matching subnet for range 10.2.0.0/25");
        assertThatThrownBy(() -> NetworkSpec.builder("n").subnet("10.1.0.0/24").auxAddress("a", "10.9.0.1").build())
                .hasMessage("no matching subnet for aux-address 10.9.0.1");
        assertThatThrownBy(() -> NetworkSpec.builder("n").subnet("10.1.0.0/24").subnet("10.1.0.0/16").build())
                .hasMessageStartingWith("multiple overlapping subnet configuration is not supported");
        assertThatThrownBy(() -> NetworkSpec.builder("n").subnet("10.1.0.0/24").subnet("10.2.0.0/24")
                .ipRange("10.1.0.0/25").ipRange("10.1.0.128/25").build())
                .hasMessage("cannot configure multiple ranges (10.1.0.128/25, 10.1.0.0/25) on the same subnet"
                        + " (10.1.0.0/24)");
        assertThatThrownBy(() -> NetworkSpec.builder("n").subnet("10.1.0.0/24").subnet("10.2.0.0/24")
                .gateway("10.1.0.1").gateway("10.1.0.2").build())
                .hasMessage("cannot configure multiple gateways (10.1.0.2, 10.1.0.1) for the same subnet (10.1.0.0/24)");
    }

    @Test
    void badAddresses_failBeforeAnyIo_quotingTheValue() {
        assertThatThrownBy(() -> NetworkSpec.builder("n").subnet("10.1.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'10.1.0.0/33'");
        assertThatThrownBy(() -> NetworkSpec.builder("n").subnet("10.1.0.0"))
                .hasMessageContaining("Invalid subnet '10.1.0.0'");
        assertThatThrownBy(() -> NetworkSpec.builder("n").gateway("gateway.example"))
                .hasMessageContaining("Invalid gateway 'gateway.example'");
        assertThatThrownBy(() -> NetworkSpec.builder("n").gateway("300.1.1.1"))
                .hasMessageContaining("'300.1.1.1'");
        assertThatThrownBy(() -> NetworkSpec.builder(" ").build()).hasMessageContaining("blank");
    }

    @Test
    void berthLabels_areReserved() {
        assertThatThrownBy(() -> NetworkSpec.builder("n").label("dev.berth.session", "x"))
                .hasMessageContaining("reserved");
    }

    @Test
    void unboundBuilder_cannotCreate() {
        assertThatThrownBy(() -> NetworkSpec.builder("n").create())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("engine.network(name)");
    }

    @Test
    void fullSpec_roundTripsThroughToBuilder() {
        NetworkSpec s = NetworkSpec.builder("n").driver("macvlan").subnet("10.3.0.0/24").internal().attachable()
                .label("a", "b").option("parent", "eth9").ipamDriver("default").ipamOption("x", "y").build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.options()).isEqualTo(Map.of("parent", "eth9"));
        assertThat(s.ipam()).extracting(IpamPool::subnet).isEqualTo(List.of("10.3.0.0/24"));
    }

    @Test
    void endpointSpec_collectsAliasesAndAddresses() {
        EndpointSpec e = EndpointSpec.builder().alias("db", "database").ip("10.1.0.9").ip6("fd00:1::9").build();
        assertThat(e.aliases()).containsExactly("db", "database");
        assertThat(e.ipv4Address()).contains("10.1.0.9");
        assertThat(e.ipv6Address()).contains("fd00:1::9");
        assertThatThrownBy(() -> EndpointSpec.builder().ip("db.local").build()).hasMessageContaining("'db.local'");
    }

    @Test
    void builtInNames() {
        assertThat(List.of(Network.BRIDGE, Network.HOST, Network.NONE)).allMatch(Network::isBuiltIn);
        assertThat(Network.isBuiltIn("front")).isFalse();
    }
}
