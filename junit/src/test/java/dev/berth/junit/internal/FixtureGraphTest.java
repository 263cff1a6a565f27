package dev.berth.junit.internal;

import dev.berth.compose.LoadOptions;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.FixtureException;
import dev.berth.junit.Managed;
import dev.berth.network.NetworkSpec;
import dev.berth.volume.VolumeSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixtureGraphTest {

    static class Implied {
        @Managed
        static final ContainerSpec app = ContainerSpec.builder("img").network("net-1").volume("vol-1", "/data").build();
        @Managed
        static final ContainerSpec other = ContainerSpec.builder("img").build();
        @Managed
        static final NetworkSpec net = NetworkSpec.builder("net-1").build();
        @Managed
        static final VolumeSpec vol = VolumeSpec.builder("vol-1").build();
        @Managed
        static final LoadOptions shop = LoadOptions.of(Path.of("compose.yaml"));
        @Managed(dependsOn = "app")
        final ContainerSpec perTest = ContainerSpec.builder("img").build();
        @Managed(dependsOn = "perTest")
        final ContainerSpec perTest2 = ContainerSpec.builder("img").build();
    }

    @Test
    void containersJoiningANetworkFixtureOrMountingAVolumeFixture_startAfterThem() {
        List<Fixture> fixtures = FixtureGraph.ofClass(Implied.class);
        List<String> order = fixtures.stream().map(Fixture::field).toList();
        assertThat(order).containsExactlyInAnyOrder("app", "other", "net", "vol", "shop");
        assertThat(order.indexOf("net")).isLessThan(order.indexOf("app"));
        assertThat(order.indexOf("vol")).isLessThan(order.indexOf("app"));
        Fixture app = fixtures.get(order.indexOf("app"));
        assertThat(app.dependsOn()).containsExactlyInAnyOrder("net", "vol");
        assertThat(fixtures.get(order.indexOf("shop"))).isInstanceOf(ComposeFixture.class);
    }

    @Test
    void instanceFixtures_mayDependOnStaticOnes_andAreOrderedAmongThemselves() {
        List<Fixture> fixtures = FixtureGraph.ofInstance(new Implied());
        assertThat(fixtures).extracting(Fixture::field).containsExactly("perTest", "perTest2");
        assertThat(fixtures.get(0).dependsOn()).isEqualTo(Set.of("app"));
    }

    static class WrongType {
        @Managed
        static final String name = "x";
    }

    static class NullValue {
        @Managed
        static ContainerSpec spec;
    }

    static class UnknownDependency {
        @Managed(dependsOn = "dbb")
        static final ContainerSpec app = ContainerSpec.builder("img").build();
        @Managed
        static final ContainerSpec db = ContainerSpec.builder("img").build();
    }

    static class Cycle {
        @Managed(dependsOn = "b")
        static final ContainerSpec a = ContainerSpec.builder("img").build();
        @Managed(dependsOn = "a")
        static final ContainerSpec b = ContainerSpec.builder("img").build();
    }

    static class ReuseOnThrowAway {
        @Managed(reuse = true)
        static final ContainerSpec app = ContainerSpec.builder("img").network("n1").build();
        @Managed
        static final NetworkSpec net = NetworkSpec.builder("n1").build();
    }

    static class StaticOnInstance {
        @Managed(dependsOn = "perTest")
        static final ContainerSpec app = ContainerSpec.builder("img").build();
        @Managed
        final ContainerSpec perTest = ContainerSpec.builder("img").build();
    }

    static class PortsOnNetwork {
        @Managed(waitForPorts = 80)
        static final NetworkSpec net = NetworkSpec.builder("n").build();
    }

    static class ValueOnField {
        @Managed("db")
        static final ContainerSpec app = ContainerSpec.builder("img").build();
    }

    @Test
    void wrongDeclarations_failWithAMessageNamingTheFieldAndTheFix() {
        assertThatThrownBy(() -> FixtureGraph.ofClass(WrongType.class)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("field 'name' of WrongType holds a java.lang.String")
                .hasMessageContaining("ContainerSpec, NetworkSpec, VolumeSpec or Compose LoadOptions");
        assertThatThrownBy(() -> FixtureGraph.ofClass(NullValue.class)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("field 'spec' of NullValue is null");
        assertThatThrownBy(() -> FixtureGraph.ofClass(UnknownDependency.class)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("'app' of class UnknownDependency depends on 'dbb', which is not a @Managed field")
                .hasMessageContaining("[app, db]");
        assertThatThrownBy(() -> FixtureGraph.ofClass(Cycle.class)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> FixtureGraph.ofClass(ReuseOnThrowAway.class)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("Reusable fixture 'app' of class ReuseOnThrowAway depends on 'net'")
                .hasMessageContaining("mark 'net' reuse = true too");
        assertThatThrownBy(() -> FixtureGraph.ofClass(StaticOnInstance.class)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("depends on 'perTest', which is not a @Managed field");
        assertThatThrownBy(() -> FixtureGraph.ofClass(PortsOnNetwork.class)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("apply to containers only");
        assertThatThrownBy(() -> FixtureGraph.ofClass(ValueOnField.class)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("names a field only on parameters");
    }
}
