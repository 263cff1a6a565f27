package dev.berth.network.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Containment as the docker CLI's subnetMatches: an address, or the first address of a CIDR, in a subnet. */
class AddressesTest {

    @Test
    void contains_v4AndV6() {
        assertThat(Addresses.contains("10.1.0.0/24", "10.1.0.255")).isTrue();
        assertThat(Addresses.contains("10.1.0.0/24", "10.1.1.0")).isFalse();
        assertThat(Addresses.contains("10.1.0.0/24", "10.1.0.128/25")).isTrue();
        assertThat(Addresses.contains("10.1.0.0/24", "10.1.0.0/16")).isTrue(); // base address only, as the CLI
        assertThat(Addresses.contains("10.0.0.0/8", "10.200.3.4")).isTrue();
        assertThat(Addresses.contains("fd00:1::/64", "fd00:1::ffff")).isTrue();
        assertThat(Addresses.contains("fd00:1::/64", "fd00:2::1")).isFalse();
        assertThat(Addresses.contains("10.1.0.0/24", "fd00:1::1")).isFalse();
        assertThat(Addresses.contains("0.0.0.0/0", "192.0.2.1")).isTrue();
    }

    @Test
    void parse_neverResolvesNames() {
        assertThatThrownBy(() -> Addresses.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Addresses.parse("1.2.3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Addresses.parse("fd00::g")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Addresses.parse("::1")).hasSize(16);
    }
}
