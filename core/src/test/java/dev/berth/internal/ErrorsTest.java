package dev.berth.internal;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
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
    private static String status(int code, String msg) {
        return "Status " + code + ": {\"message\":\"" + msg + "\"}\n";
    }

    @Test
    void noSuchImage_onCreate_isImageNotFound() {
        var e = Errors.translate(new NotFoundException(status(404, "No such image: app:1")), "container", "web", "create");
        assertThat(e).isInstanceOf(ImageNotFoundException.class);
        assertThat(((ImageNotFoundException) e).resource()).isEqualTo("app:1");
    }

    @Test
    void noSuchContainer_isContainerNotFound() {
        var e = Errors.translate(new NotFoundException(status(404, "No such container: web")), "container", "web", "start");
        assertThat(e).isInstanceOf(ContainerNotFoundException.class).hasMessageContaining("'web'");
    }

    @Test
    void networkAndVolumeNotFound() {
        assertThat(Errors.translate(new NotFoundException(status(404, "network front not found")), "container", "w",
                "create")).isInstanceOf(NetworkNotFoundException.class).hasMessageContaining("front");
        assertThat(Errors.translate(new NotFoundException(status(404, "get data: no such volume")), "volume", "data",
                "remove")).isInstanceOf(VolumeNotFoundException.class).hasMessageContaining("data");
    }

    @Test
    void networkNotFound_fromSwarmModeStart_isNetworkNotFound() {
        var e = Errors.translate(new InternalServerErrorException(status(500, "Could not attach to network front:"
                + " rpc error: code = NotFound desc = network front not found")), "container", "web", "start");
        assertThat(e).isInstanceOf(NetworkNotFoundException.class).hasMessageContaining("'front'");
    }

    @Test
    void nameInUse_isConflictWithAdvice() {
        var e = Errors.translate(new ConflictException(status(409,
                "Conflict. The container name \\\"/web\\\" is already in use by container \\\"abc\\\".")),
                "container", "web", "create");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessageStartingWith("Cannot create container 'web': the name is already in use")
                .hasMessageContaining("choose another name");
    }

    @Test
    void notRunning_isContainerNotRunning() {
        var e = Errors.translate(new ConflictException(status(409, "Container abc is not running")), "container",
                "web", "exec in");
        assertThat(e).isInstanceOf(ContainerNotRunningException.class).hasMessageContaining("start it first");
    }

    @Test
    void portAllocated_isConflictNamingThePort() {
        var e = Errors.translate(new InternalServerErrorException(status(500, "driver failed programming external"
                + " connectivity on endpoint web (x): Bind for 127.0.0.1:8080 failed: port is already allocated")),
                "container", "web", "start");
        assertThat(e).isInstanceOf(dev.berth.ConflictException.class)
                .hasMessage("Cannot start container 'web': host port 8080 is already allocated; publish another host"
                        + " port or stop the container using it");
    }

    @Test
    void ioFailure_isEngineUnavailable() {
        var e = Errors.translate(new UncheckedIOException(new IOException("Broken pipe")), "container", "web", "start");
        assertThat(e).isInstanceOf(EngineUnavailableException.class).hasMessageContaining("Broken pipe");
    }

    @Test
    void engineMessage_unwrapsJson() {
        assertThat(Errors.engineMessage(new NotFoundException(status(404, "No such container: x"))))
                .isEqualTo("No such container: x");
        assertThat(Errors.engineMessage(new NotFoundException("plain text"))).isEqualTo("plain text");
    }
}
