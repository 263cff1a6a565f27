package dev.berth.network;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Http;
import dev.berth.testing.Names;
import dev.berth.testing.Sh;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-host networking walkthrough of the seed, against the real engine. Busybox's wget and ping segfault on
 * host names (static glibc NSS), so names are resolved with nslookup and servers reached by address.
 */
@ExtendWith(EngineExtension.class)
class NetworkScenariosIT {
    private static final String HTTPD = "mkdir /w && echo hello-from-%s > /w/index.html && exec httpd -f -p 80 -h /w";
    /** Resolves $1 through the embedded DNS server (127.0.0.11), fetches / from the address; fails if unresolved. */
    private static final String FETCH_BY_NAME = "ip=$(nslookup %s 127.0.0.11 2>&1 | awk '/^Name:/ {found=1}"
            + " found && /^Address/ {print $NF; exit}'); [ -n \"$ip\" ] || { echo unresolved; exit 3; };"
            + " echo resolved $ip; wget -qO- http://$ip/";

    @Test
    void userDefinedBridge_reachesPeerByName_defaultBridgeCannotResolveIt(Engine engine) {
        // docker network create app; docker run --network app --name web …; another container on app resolves "web"
        // through the embedded DNS server. On the default bridge there is no embedded DNS: the same lookup fails.
        String web = Names.unique("web");
        try (Network app = engine.network(Names.unique("berth-app")).create();
             Container server = engine.container(TestImages.BUSYBOX).name(web).network(app)
                     .command("sh", "-c", String.format(HTTPD, "web")).detached().run()) {
            Sh.Result user = Sh.run(engine.container(TestImages.BUSYBOX).network(app), retry(String.format(FETCH_BY_NAME, web)));
            assertThat(user.ok()).contains("resolved " + server.ipAddress(app.name())).contains("hello-from-web");
        }
        String legacy = Names.unique("legacy");
        try (Container server = engine.container(TestImages.BUSYBOX).name(legacy).network(Network.BRIDGE)
                .command("sh", "-c", String.format(HTTPD, "legacy")).detached().run()) {
            Sh.Result bridge = Sh.run(engine.container(TestImages.BUSYBOX).network(Network.BRIDGE),
                    "grep -q " + legacy + " /etc/hosts && echo in-hosts; " + String.format(FETCH_BY_NAME, legacy));
            assertThat(bridge.exitCode()).as(bridge.output()).isEqualTo(3);
            assertThat(bridge.output()).contains("unresolved").doesNotContain("in-hosts");
            // …while the peer is there and reachable by address: only the name is missing.
            String ip = server.ipAddress(Network.BRIDGE);
            assertThat(Sh.run(engine.container(TestImages.BUSYBOX), retry("wget -qO- http://" + ip + "/")).ok())
                    .isEqualTo("hello-from-legacy\n");
        }
    }

    @Test
    void twoNetworks_addressOnEach_disconnectRemovesIt(Engine engine) {
        // docker network connect back c: c has an interface and address on front and on back; docker network
        // disconnect back c removes that interface.
        try (Network front = engine.network(Names.unique("berth-front")).subnet("10.232.31.0/24").create();
             Network back = engine.network(Names.unique("berth-back")).subnet("10.232.32.0/24").create();
             Container c = engine.container(TestImages.BUSYBOX).network(front).network(back).command("sleep", "120")
                     .detached().run()) {
            String onFront = c.ipAddress(front.name());
            String onBack = c.ipAddress(back.name());
            assertThat(onFront).startsWith("10.232.31.");
            assertThat(onBack).startsWith("10.232.32.");
            assertThat(c.exec("ip", "-4", "addr").run().stdout()).contains(onFront).contains(onBack);
            assertThat(back.inspect().member(c.id()).orElseThrow().ipv4Address()).isEqualTo(onBack);

            back.disconnect(c);
            assertThat(c.inspect().networks()).containsOnlyKeys(front.name());
            assertThat(c.exec("ip", "-4", "addr").run().stdout()).contains(onFront).doesNotContain(onBack);
            assertThat(back.inspect().member(c.id())).isEmpty();
        }
    }

    @Test
    void hostNetwork_serverAnswersOnLoopbackWithoutPublishing(Engine engine) {
        // docker run --network host: the container shares the host's network stack, so a server bound to
        // 127.0.0.1:PORT inside answers on the host's 127.0.0.1:PORT with no -p at all.
        int port = Http.freePort();
        try (Container c = engine.container(TestImages.BUSYBOX).network(Network.HOST)
                .command("sh", "-c", "mkdir /w && echo on-host-network > /w/index.html && exec httpd -f -p 127.0.0.1:"
                        + port + " -h /w")
                .detached().run()) {
            assertThat(c.inspect().ports()).isEmpty();
            assertThat(c.inspect().networks()).containsOnlyKeys(Network.HOST);
            assertThat(getWithin(port, Duration.ofSeconds(15))).isEqualTo("on-host-network\n");
        }
    }

    @Test
    void noneNetwork_hasOnlyLoopback(Engine engine) {
        // docker run --network none: one interface, lo, and no route anywhere.
        String out = Sh.run(engine.container(TestImages.BUSYBOX).network(Network.NONE),
                "ls /sys/class/net; echo routes:; ip route; ip -4 addr | grep inet").ok();
        assertThat(out).isEqualTo("lo\nroutes:\n    inet 127.0.0.1/8 scope host lo\n");
    }

    /** The script, retried up to 10 times 0.3 s apart while a just-started server comes up. */
    private static String retry(String script) {
        return "for i in 1 2 3 4 5 6 7 8 9 10; do out=$(" + script + ") && { echo \"$out\"; exit 0; };"
                + " rc=$?; [ $rc -eq 3 ] && { echo \"$out\"; exit 3; }; sleep 0.3; done; echo \"$out\"; exit 1";
    }

    private static String getWithin(int port, Duration limit) {
        Instant end = Instant.now().plus(limit);
        AssertionError last = null;
        for (int i = 0; i < 100 && Instant.now().isBefore(end); i++) {
            try {
                return Http.get(port, "/");
            } catch (AssertionError e) {
                last = e;
                try {
                    Thread.sleep(150);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(ie);
                }
            }
        }
        throw last != null ? last : new AssertionError("no answer on 127.0.0.1:" + port);
    }
}
