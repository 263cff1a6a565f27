package dev.berth.network;

import dev.berth.BerthException;
import dev.berth.ConflictException;
import dev.berth.ContainerNotFoundException;
import dev.berth.Engine;
import dev.berth.NetworkNotFoundException;
import dev.berth.PruneReport;
import dev.berth.container.Container;
import dev.berth.container.NetworkAttachment;
import dev.berth.system.SwarmState;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Http;
import dev.berth.testing.Names;
import dev.berth.testing.Sh;
import dev.berth.testing.TestImages;
import dev.berth.wait.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code docker network create/ls/inspect/connect/disconnect/rm/prune} through Berth against the real engine. */
@ExtendWith(EngineExtension.class)
class NetworkIT {
    private static final String KEEP = "berth.test.keep";

    private static Container sleeper(Engine engine, String... networkAndAliases) {
        var b = engine.container(TestImages.BUSYBOX).command("sleep", "120");
        if (networkAndAliases.length > 0) {
            b.network(networkAndAliases[0], List.of(networkAndAliases).subList(1, networkAndAliases.length)
                    .toArray(String[]::new));
        }
        return b.detached().run();
    }

    @Test
    void create_bridgeWithIpamLabelsAndOptions_isInspectedBackAsGiven(Engine engine) {
        // docker network create --subnet 10.232.11.0/24 --ip-range 10.232.11.128/25 --gateway 10.232.11.1
        //   --aux-address reserved=10.232.11.129 --label team=net -o com.docker.network.bridge.enable_icc=true NAME
        String name = Names.unique("berth-net");
        try (Network n = engine.network(name).subnet("10.232.11.0/24").ipRange("10.232.11.128/25")
                .gateway("10.232.11.1").auxAddress("reserved", "10.232.11.129").label("team", "net")
                .option("com.docker.network.bridge.enable_icc", "true").create();
             Container c = sleeper(engine, name)) {
            NetworkInfo info = n.inspect();
            assertThat(info.name()).isEqualTo(name);
            assertThat(info.id()).isEqualTo(n.id());
            assertThat(info.driver()).isEqualTo("bridge");
            assertThat(info.scope()).isEqualTo("local");
            assertThat(info.created()).isPresent();
            assertThat(info.ipam()).containsExactly(new IpamPool("10.232.11.0/24", Optional.of("10.232.11.128/25"),
                    Optional.of("10.232.11.1"), Map.of("reserved", "10.232.11.129")));
            assertThat(info.labels()).containsEntry("team", "net").containsAllEntriesOf(engine.labels());
            assertThat(info.options()).containsEntry("com.docker.network.bridge.enable_icc", "true");
            // Addresses come from the ip-range and never hit the reserved one.
            String ip = info.member(c.id()).orElseThrow().ipv4Address();
            assertThat(ip).startsWith("10.232.11.");
            assertThat(Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1))).isBetween(128, 254);
            assertThat(ip).isNotEqualTo("10.232.11.129");
            assertThat(c.ipAddress(name)).isEqualTo(ip);
        }
    }

    @Test
    void ipv6_membersHaveIpv4Ipv6AndMac(Engine engine) {
        // docker network create --ipv6 --subnet 10.232.12.0/24 --subnet fd32:12::/64: inspect lists each container
        // with its IPv4Address, IPv6Address and MacAddress.
        try (Network n = engine.network(Names.unique("berth-v6")).ipv6().subnet("10.232.12.0/24")
                .subnet("fd32:12::/64").create();
             Container c = sleeper(engine, n.name())) {
            NetworkMember m = n.inspect().member(c.id()).orElseThrow();
            assertThat(m.name()).isEqualTo(c.inspect().name());
            assertThat(m.ipv4Address()).startsWith("10.232.12.");
            assertThat(m.ipv6Address()).startsWith("fd32:12::");
            assertThat(m.macAddress()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
            assertThat(m.macAddress()).isEqualTo(c.inspect().networks().get(n.name()).macAddress());
            assertThat(n.inspect().ipv6()).isTrue();
            assertThat(c.exec("ip", "-6", "addr").run().stdout()).contains(m.ipv6Address());
        }
    }

    @Test
    void internal_publishesNoPorts_whileABridgeDoes(Engine engine) {
        // docker network create --internal: no traffic to or from outside, so -p binds nothing on the host (the engine
        // skips the port mapping); on an ordinary bridge the same -p answers on loopback.
        String httpd = "mkdir /w && echo up > /w/index.html && exec httpd -f -p 80 -h /w";
        try (Network internal = engine.network(Names.unique("berth-int")).internal().create();
             Network open = engine.network(Names.unique("berth-open")).create();
             Container cut = engine.container(TestImages.BUSYBOX).network(internal).publish("127.0.0.1::80")
                     .command("sh", "-c", httpd).detached().run();
             Container reachable = engine.container(TestImages.BUSYBOX).network(open).publish("127.0.0.1::80")
                     .command("sh", "-c", httpd).detached().waitingFor(Wait.forHttp("/")).run()) {
            assertThat(internal.inspect().internal()).isTrue();
            assertThat(open.inspect().internal()).isFalse();
            assertThat(cut.inspect().ports()).isEmpty();
            assertThat(Http.get(reachable.hostPort(80), "/")).isEqualTo("up\n");
        }
    }

    @Test
    void connect_withAliasAndStaticIp_thenDisconnect_removesTheAddress(Engine engine) {
        // docker network connect --alias db --ip 10.232.13.50 NET C; docker network disconnect NET C
        try (Network n = engine.network(Names.unique("berth-net")).subnet("10.232.13.0/24").create();
             Container db = sleeper(engine)) {
            n.connect(db, EndpointSpec.builder().alias("db").ip("10.232.13.50").build());
            assertThat(n.inspect().member(db.id()).orElseThrow().ipv4Address()).isEqualTo("10.232.13.50");
            assertThat(db.inspect().networks().get(n.name()).aliases()).contains("db");
            assertThat(Sh.run(engine.container(TestImages.BUSYBOX).network(n), "nslookup db").ok())
                    .contains("10.232.13.50");
            assertThat(db.exec("ip", "-4", "addr").run().stdout()).contains("10.232.13.50");

            n.disconnect(db);
            assertThat(n.inspect().containers()).isEmpty();
            assertThat(db.inspect().networks()).doesNotContainKey(n.name()).containsKey(Network.BRIDGE);
            assertThat(db.exec("ip", "-4", "addr").run().stdout()).doesNotContain("10.232.13.50");
        }
    }

    @Test
    void errors_nameTheNetworkAndWhatToDo(Engine engine) {
        String name = Names.unique("berth-net");
        try (Network n = engine.network(name).create(); Container c = sleeper(engine, name)) {
            assertThatThrownBy(() -> engine.network(name).create()).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Cannot create network '" + name + "'")
                    .hasMessageContaining("choose another name");
            assertThatThrownBy(n::remove).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Cannot remove network '" + name + "'")
                    .hasMessageContaining("disconnect them");
            assertThatThrownBy(() -> n.connect(c)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already connected");
            Network missing = new Network(engine, "berth-no-such-net", "berth-no-such-net");
            assertThatThrownBy(() -> missing.connect(c)).isInstanceOf(NetworkNotFoundException.class)
                    .hasMessageContaining("'berth-no-such-net'").hasMessageContaining("create it first");
            assertThatThrownBy(() -> engine.networks().get("berth-no-such-net"))
                    .isInstanceOf(NetworkNotFoundException.class);
            assertThatThrownBy(missing::inspect).isInstanceOf(NetworkNotFoundException.class);
            assertThat(missing.exists()).isFalse();
            Container gone = new Container(engine, "berth-no-such-container", "berth-no-such-container");
            assertThatThrownBy(() -> n.connect(gone)).isInstanceOf(ContainerNotFoundException.class)
                    .hasMessageContaining("berth-no-such-container");
            c.remove(dev.berth.container.RemoveOption.FORCE);
        }
    }

    @Test
    void list_filtersByLabelNameDriverTypeAndDangling(Engine engine) {
        String run = Names.unique("run");
        try (Network a = engine.network(Names.unique("berth-ls")).label("berth.test.run", run).create();
             Network b = engine.network(Names.unique("berth-ls")).label("berth.test.run", run)
                     .label("role", "backend").create();
             Container c = sleeper(engine, b.name())) {
            assertThat(engine.networks().label("berth.test.run", run).ids())
                    .containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(engine.networks().label("role", "backend").label("berth.test.run", run).networks())
                    .containsExactly(b);
            assertThat(engine.networks().name(a.name()).list()).extracting(NetworkInfo::name).containsExactly(a.name());
            assertThat(engine.networks().id(b.id()).ids()).containsExactly(b.id());
            assertThat(engine.networks().label("berth.test.run", run).driver("bridge").custom().ids()).hasSize(2);
            assertThat(engine.networks().label("berth.test.run", run).dangling().ids()).containsExactly(a.id());
            assertThat(engine.networks().builtIn().list()).extracting(NetworkInfo::name)
                    .contains(Network.BRIDGE, Network.HOST, Network.NONE).allMatch(Network::isBuiltIn);
            assertThat(engine.networks().find(a.name())).contains(a);
            assertThat(engine.networks().get(b.id()).name()).isEqualTo(b.name());
            assertThat(engine.networks().ownSession().ids()).contains(a.id(), b.id());
            assertThat(engine.containers().network(b.name()).ids()).containsExactly(c.id());
            assertThat(engine.containers().network(a.name()).ids()).isEmpty();
            assertThatThrownBy(() -> engine.networks().until(java.time.Duration.ofHours(1)).list())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("[until]");
        }
    }

    @Test
    void prune_removesOnlyUnusedSelectedNetworks_andKeepsTheKeptAndTheUsed(Engine engine) {
        // docker network prune --filter label=berth.test.run=RUN --filter label!=berth.test.keep; scoped to this
        // test's own label so concurrent sessions on the engine are never touched.
        String run = Names.unique("run");
        Network drop = engine.network(Names.unique("berth-drop")).label("berth.test.run", run).create();
        try (Network kept = engine.network(Names.unique("berth-kept")).label("berth.test.run", run)
                .label(KEEP, "yes").create();
             Network used = engine.network(Names.unique("berth-used")).label("berth.test.run", run).create();
             Container c = sleeper(engine, used.name())) {
            PruneReport r = engine.networks().label("berth.test.run", run).labelNot(KEEP).prune();
            assertThat(r.networks()).containsExactly(drop.name());
            assertThat(drop.exists()).isFalse();
            assertThat(kept.exists()).isTrue();
            assertThat(used.exists()).isTrue();
            assertThatThrownBy(() -> engine.networks().label("berth.test.run", run).driver("bridge").prune())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("[driver]");
            c.remove(dev.berth.container.RemoveOption.FORCE);
        } finally {
            drop.close();
        }
    }

    @Test
    void builtIns_areFirstClassInTheRunSpec(Engine engine) {
        assertThat(Sh.run(engine.container(TestImages.BUSYBOX).network(Network.NONE), "ls /sys/class/net").ok())
                .isEqualTo("lo\n");
        try (Container c = engine.container(TestImages.BUSYBOX).network(Network.BRIDGE).command("sleep", "60")
                .detached().run()) {
            assertThat(c.inspect().networks()).containsOnlyKeys(Network.BRIDGE);
            assertThat(engine.networks().get(Network.BRIDGE).inspect().member(c.id())).isPresent();
        }
    }

    @Test
    void overlay_attachable_isCreatedOnASwarmManager_orNamesSwarmInit(Engine engine) {
        // docker network create -d overlay --attachable: needs swarm mode. Other sessions may switch this engine's
        // swarm on and off, so the test accepts either state but checks each outcome fully.
        String name = Names.unique("berth-ov");
        try {
            try (Network n = engine.network(name).driver("overlay").attachable().create()) {
                NetworkInfo info = n.inspect();
                assertThat(info.driver()).isEqualTo("overlay");
                assertThat(info.scope()).isEqualTo("swarm");
                assertThat(info.attachable()).isTrue();
            }
        } catch (BerthException e) {
            assertThat(engine.system().info().swarm()).isNotEqualTo(SwarmState.ACTIVE);
            assertThat(e).hasMessageContaining("Cannot create network '" + name + "'")
                    .hasMessageContaining("docker swarm init");
        }
    }

    @Test
    void macvlan_onAnIsolatedParent_carriesTrafficBetweenStaticAddresses(Engine engine) {
        // docker network create -d macvlan -o parent=berth-mvl0 --subnet 10.232.14.0/24; docker run --ip …
        assertThat(Files.exists(Path.of("/sys/class/net/berth-mvl0")))
                .as("the isolated parent link berth-mvl0; create it with .ci/setup.d/macvlan-parent.sh").isTrue();
        try (Network n = engine.network(Names.unique("berth-mvl")).driver("macvlan").option("parent", "berth-mvl0")
                .subnet("10.232.14.0/24").gateway("10.232.14.1").create();
             Container server = engine.container(TestImages.BUSYBOX)
                     .network(new NetworkAttachment(n.name(), List.of(), Optional.of("10.232.14.10")))
                     .command("sh", "-c", "mkdir /w && echo via-macvlan > /w/index.html && exec httpd -f -p 80 -h /w")
                     .detached().run()) {
            assertThat(n.inspect().driver()).isEqualTo("macvlan");
            assertThat(n.inspect().options()).containsEntry("parent", "berth-mvl0");
            assertThat(server.ipAddress(n.name())).isEqualTo("10.232.14.10");
            String out = Sh.run(engine.container(TestImages.BUSYBOX)
                    .network(new NetworkAttachment(n.name(), List.of(), Optional.of("10.232.14.11"))),
                    "for i in 1 2 3 4 5 6 7 8 9 10; do printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 10.232.14.10 80"
                            + " && exit 0; sleep 0.3; done; exit 1").ok();
            assertThat(out).contains("200 OK").endsWith("via-macvlan\n");
        }
    }
}
