package dev.berth.internal;

import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerNotRunningException;
import dev.berth.EngineUnavailableException;
import dev.berth.ImageNotFoundException;
import dev.berth.NetworkNotFoundException;
import dev.berth.VolumeNotFoundException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Engine error texts (as Docker 20.10 and 26 send them) map to Berth exceptions with advice. */
class ErrorsTest {
    /** An error status as the engine sends it: a JSON body with a message. */
    private static EngineHttpException http(int code, String msg) {
        return new EngineHttpException(code, "{\"message\":\"" + msg + "\"}\n");
    }

    @Test
    void noSuchImage_onCreate_isImageNotFound() {
        var e = Errors.translate(http(404, "No such image: app:1"), "container", "web", "create");
        assertThat(e).isInstanceOf(ImageNotFoundException.class);
        assertThat(((ImageNotFoundException) e).resource()).isEqualTo("app:1");
    }

    @Test
    void noSuchContainer_isContainerNotFound() {
        var e = Errors.translate(http(404, "No such container: web"), "container", "web", "start");
        assertThat(e).isInstanceOf(ContainerNotFoundException.class).hasMessageContaining("'web'");
    }

    @Test
    void networkAndVolumeNotFound() {
        assertThat(Errors.translate(http(404, "network front not found"), "container", "w",
                "create")).isInstanceOf(NetworkNotFoundException.class).hasMessageContaining("front");
        assertThat(Errors.translate(http(404, "get data: no such volume"), "volume", "data",
                "remove")).isInstanceOf(VolumeNotFoundException.class).hasMessageContaining("data");
    }

    @Test
    void networkNotFound_fromSwarmModeStart_isNetworkNotFound() {
        var e = Errors.translate(http(500, "Could not attach to network front:"
                + " rpc error: code = NotFound desc = network front not found"), "container", "web", "start");
        assertThat(e).isInstanceOf(NetworkNotFoundException.class).hasMessageContaining("'front'");
    }

    @Test
    void nameInUse_isConflictWithAdvice() {
        var e = Errors.translate(http(409,
                "Conflict. The container name \\\"/web\\\" is already in use by container \\\"abc\\\"."),
                "container", "web", "create");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessageStartingWith("Cannot create container 'web': the name is already in use")
                .hasMessageContaining("choose another name");
    }

    @Test
    void notRunning_isContainerNotRunning() {
        var e = Errors.translate(http(409, "Container abc is not running"), "container",
                "web", "exec in");
        assertThat(e).isInstanceOf(ContainerNotRunningException.class).hasMessageContaining("start it first");
    }

    @Test
    void portAllocated_isConflictNamingThePort() {
        var e = Errors.translate(http(500, "driver failed programming external"
                + " connectivity on endpoint web (x): Bind for 127.0.0.1:8080 failed: port is already allocated"),
                "container", "web", "start");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessage("Cannot start container 'web': host port 8080 is already allocated; publish another host"
                        + " port or stop the container using it");
    }

    /** The engine's own words when another manager on the host already listens on 2377 (seen on Docker 20.10). */
    @Test
    void swarmListenPortInUse_isConflictAboutTheListenAddress_notAPublishedPort() {
        var e = Errors.translate(http(500, "manager stopped: failed to listen on remote API address: listen tcp"
                + " 0.0.0.0:2377: bind: address already in use"), "swarm", "", "initialise");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessageStartingWith("Cannot initialise swarm: port 2377 is already in use")
                .hasMessageContaining("listen address").hasMessageNotContaining("publish");
    }

    @Test
    void interruptedCaller_isNotTakenForALostEngine_andKeepsItsInterruptStatus() {
        try {
            var e = Errors.translate(new UncheckedIOException(new java.nio.channels.ClosedByInterruptException()),
                    "container", "web", "start");
            assertThat(e).isNotInstanceOf(EngineUnavailableException.class)
                    .hasMessage("Interrupted while trying to start container 'web'");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void ioFailure_isEngineUnavailable() {
        var e = Errors.translate(new UncheckedIOException(new IOException("Broken pipe")), "container", "web", "start");
        assertThat(e).isInstanceOf(EngineUnavailableException.class).hasMessageContaining("Broken pipe");
    }

    @Test
    void engineMessage_unwrapsJson() {
        assertThat(Errors.engineMessage(http(404, "No such container: x")))
                .isEqualTo("No such container: x");
        assertThat(Errors.engineMessage(new EngineHttpException(404, "plain text"))).isEqualTo("plain text");
    }

    // The texts below are what Docker 20.10.24 answers; the statuses differ between calls and engine versions (403,
    // 409, 500), so Berth matches the message.

    @Test
    void networkInUse_isConflictSayingDisconnect() {
        var e = Errors.translate(new EngineHttpException(403, "{\"message\":\"error while removing network: network"
                + " front id 2dbb has active endpoints\"}"), "network", "front", "remove");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessageStartingWith("Cannot remove network 'front': containers are still connected")
                .hasMessageContaining("disconnect them");
    }

    @Test
    void volumeInUse_isConflictNamingTheContainers() {
        var e = Errors.translate(http(409, "remove data: volume is in use - [9a36047e]"),
                "volume", "data", "remove");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessage("Cannot remove volume 'data': the volume is in use by containers [9a36047e]; remove those"
                        + " containers first (a stopped container still holds its volumes)");
    }

    @Test
    void duplicateNetwork_isConflictSayingChooseAnotherName() {
        var e = Errors.translate(http(409, "network with name front already exists"),
                "network", "front", "create");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessageContaining("the name is already in use").hasMessageContaining("choose another name");
    }

    @Test
    void connectToMissingNetwork_isNetworkNotFound_evenAs500() {
        // Swarm-enabled engines answer 500 with the cluster's NotFound wrapped in the text.
        var e = Errors.translate(http(500, "Could not attach to network nvs-missing:"
                + " rpc error: code = NotFound desc = network nvs-missing not found"), "network", "nvs-missing",
                "connect container 'web' to");
        assertThat(e).isInstanceOf(NetworkNotFoundException.class);
        assertThat(((NetworkNotFoundException) e).resource()).isEqualTo("nvs-missing");
        assertThat(Errors.translate(http(404, "network nvs-missing not found"), "network",
                "nvs-missing", "connect container 'web' to")).isInstanceOf(NetworkNotFoundException.class);
    }

    @Test
    void alreadyConnected_isConflict() {
        var e = Errors.translate(new EngineHttpException(403, "{\"message\":\"endpoint with name web already exists"
                + " in network front\"}"), "network", "front", "connect container 'web' to");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class).hasMessageContaining("already connected");
    }

    @Test
    void missingContainerOnConnect_namesTheContainer() {
        var e = Errors.translate(http(404, "No such container: ghost"), "network", "front",
                "connect container 'ghost' to");
        assertThat(e).isInstanceOf(ContainerNotFoundException.class);
        assertThat(((ContainerNotFoundException) e).resource()).isEqualTo("ghost");
    }

    @Test
    void unknownVolumeDriver_isNotFoundPlugin() {
        var e = Errors.translate(http(404, "create data: error looking up volume plugin nope:"
                + " plugin \\\"nope\\\" not found"), "volume", "data", "create");
        assertThat(e).isInstanceOf(dev.berth.NotFoundException.class).isNotInstanceOf(VolumeNotFoundException.class)
                .hasMessageContaining("install the driver's plugin");
        assertThat(((dev.berth.NotFoundException) e).kind()).isEqualTo("plugin");
    }

    @Test
    void noAddressPool_isConflictSayingGiveASubnet() {
        var e = Errors.translate(http(404, "could not find an available, non-overlapping IPv6"
                + " address pool among the defaults to assign to the network"), "network", "v6", "create");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class).hasMessageContaining("give the network a subnet");
    }

    @Test
    void overlayWithoutSwarm_saysSwarmInit() {
        var e = Errors.translate(new EngineHttpException(503, "{\"message\":\"This node is not a swarm manager. Use"
                + " \\\"docker swarm init\\\" or \\\"docker swarm join\\\" to connect this node to swarm and try"
                + " again.\"}"), "network", "ov", "create");
        assertThat(e).hasMessageContaining("docker swarm init").hasMessageContaining("bridge driver");
    }

    @Test
    void imageNamedLikeANetwork_isNotMistakenForAMissingNetwork() {
        var e = Errors.translate(http(404, "No such image: network-tools:1"), "container",
                "w", "create");
        assertThat(e).isInstanceOf(ImageNotFoundException.class);
    }

    @Test
    void subnetInUse_isConflictSayingPickAnotherSubnet() {
        var e = Errors.translate(new EngineHttpException(403, "{\"message\":\"Pool overlaps with other one on this"
                + " address space\"}"), "network", "front", "create");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessageContaining("Cannot create network 'front': no free address range")
                .hasMessageContaining("a subnet that no other network uses");
    }
}
