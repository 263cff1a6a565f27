package dev.berth.wait;

import dev.berth.container.internal.InspectMapping;
import dev.berth.internal.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The direct probe of {@link PortWait}: which engines it is tried for, and how it reads the three answers. */
class PortWaitTest {

    @Test
    void direct_onlyForAnEngineOnThisMachine() {
        assertThat(PortWait.onThisMachine(URI.create("unix:///var/run/docker.sock"))).isTrue();
        assertThat(PortWait.onThisMachine(URI.create("tcp://127.0.0.1:2375"))).isTrue();
        assertThat(PortWait.onThisMachine(URI.create("tcp://localhost:2376"))).isTrue();
        assertThat(PortWait.onThisMachine(URI.create("tcp://[::1]:2375"))).isTrue();
        assertThat(PortWait.onThisMachine(URI.create("tcp://build-host.example:2376"))).isFalse();
        assertThat(PortWait.onThisMachine(URI.create("tcp://10.0.0.5:2375"))).isFalse();
    }

    @Test
    void directAddress_isTheFirstNetworkAddress_orNone() {
        var info = InspectMapping.map(Json.read("{\"Id\":\"c\",\"Name\":\"/c\",\"State\":{\"Status\":\"running\"},"
                + "\"NetworkSettings\":{\"Networks\":{\"bridge\":{\"NetworkID\":\"n\",\"IPAddress\":\"172.17.0.9\"}}}}"));
        assertThat(PortWait.directAddress(info, 80)).isEqualTo(new InetSocketAddress("172.17.0.9", 80));
        var hostNetwork = InspectMapping.map(Json.read("{\"Id\":\"c\",\"Name\":\"/c\",\"State\":{\"Status\":\"running\"},"
                + "\"NetworkSettings\":{\"Networks\":{\"host\":{\"NetworkID\":\"h\",\"IPAddress\":\"\"}}}}"));
        assertThat(PortWait.directAddress(hostNetwork, 80)).isNull();
    }

    @Test
    void probeDirect_listening_refused_noRoute() throws IOException {
        int closed;
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(PortWait.probeDirect(new InetSocketAddress("127.0.0.1", server.getLocalPort())))
                    .isEqualTo(PortWait.Direct.LISTENING);
            closed = server.getLocalPort();
        }
        assertThat(PortWait.probeDirect(new InetSocketAddress("127.0.0.1", closed))).isEqualTo(PortWait.Direct.REFUSED);
    }

    @Test
    void failure_onlyARefusalIsTheContainersAnswer() {
        assertThat(PortWait.failure(new ConnectException("Connection refused"))).isEqualTo(PortWait.Direct.REFUSED);
        assertThat(PortWait.failure(new NoRouteToHostException("No route to host")))
                .isEqualTo(PortWait.Direct.NO_ROUTE);
        assertThat(PortWait.failure(new ConnectException("Network is unreachable")))
                .isEqualTo(PortWait.Direct.NO_ROUTE);
        assertThat(PortWait.failure(new SocketTimeoutException("Connect timed out")))
                .isEqualTo(PortWait.Direct.NO_ROUTE);
    }
}
