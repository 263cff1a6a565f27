package dev.berth.junit;

import dev.berth.ContainerNotFoundException;
import dev.berth.Engine;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.ServiceContainer;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.samples.TestcontainersSample;
import dev.berth.junit.testcontainers.BerthCompose;
import dev.berth.junit.testcontainers.BerthNetwork;
import dev.berth.junit.testing.AlpineTag;
import dev.berth.junit.testing.Images;
import dev.berth.junit.testing.Kit;
import dev.berth.network.Network;
import dev.berth.network.NetworkSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge against the real Testcontainers 2.0.5 (Ryuk disabled in the Failsafe configuration). */
@BerthTest
class TestcontainersBridgeIT {
    private static final String NET = Fixtures.uniqueName("tc-bridge");
    private static final String IMAGE = Images.BUSYBOX;
    private static boolean taggedAlpine;

    @Managed
    static final NetworkSpec net = NetworkSpec.builder(NET).build();

    @Managed
    static final ContainerSpec probe = ContainerSpec.builder(Images.BUSYBOX).network(NET).command("sleep", "300")
            .init().build();

    @BeforeAll
    static void alpineForTestcontainers(Engine engine) {
        taggedAlpine = AlpineTag.ensure(engine);
    }

    @AfterAll
    static void untagAlpine(Engine engine) {
        AlpineTag.release(engine, taggedAlpine);
    }

    private static boolean exists(Engine engine, String id) {
        try {
            new Container(engine, id, null).inspect();
            return true;
        } catch (ContainerNotFoundException gone) {
            return false;
        }
    }

    @Test
    void genericContainer_joinsABerthNetwork_andIsReachedByItsAlias(Network net, Container probe) {
        // tour:tc-network
        try (GenericContainer<?> web = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withNetwork(BerthNetwork.of(net)).withNetworkAliases("tc-web")      // net: an injected Berth Network
                .withCommand("httpd", "-f", "-p", "8080")) {
            web.start();
            // end
            assertThat(net.inspect().member(web.getContainerId())).isPresent();
            // busybox's nc cannot resolve names (static NSS), so nslookup asks the engine's DNS for the alias first.
            String out = probe.exec("sh", "-c", "ip=$(nslookup tc-web | awk '/^Address/ {a=$NF} END {print a}');"
                    + " printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 $ip 8080").run().stdout();
            assertThat(out).startsWith("HTTP/1.");
        }
    }

    @Test
    void berthContainer_isAStartableForTestcontainersExtension_andDependsOnWorks(Engine engine) {
        TestcontainersSample.IDS.clear();
        Kit.run(TestcontainersSample.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

        assertThat(TestcontainersSample.IDS).containsKeys("berth", "testcontainers");
        assertThat(exists(engine, TestcontainersSample.IDS.get("berth"))).as("stopped and removed after").isFalse();
        assertThat(exists(engine, TestcontainersSample.IDS.get("testcontainers"))).isFalse();
    }

    @Test
    void berthCompose_isAStartable(Engine engine) {
        BerthCompose shop = BerthCompose.of(LoadOptions.of(Fixtures.classpathFile("compose/shop.yaml"))).on(engine);
        shop.start();
        String project;
        try {
            project = shop.project().name();
            assertThat(shop.project().ps()).extracting(ServiceContainer::service).containsExactlyInAnyOrder("web", "worker");
        } finally {
            shop.stop();
        }
        assertThat(engine.containers().all().label("com.docker.compose.project", project).ids()).isEmpty();
    }
}
