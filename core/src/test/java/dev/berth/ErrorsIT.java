package dev.berth;

import dev.berth.container.Container;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Http;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine errors become Berth exceptions that name the resource and say what to do, and leave nothing behind. */
@ExtendWith(EngineExtension.class)
class ErrorsIT {

    @Test
    void portAlreadyAllocated_isAConflictNamingThePort(Engine engine) {
        int port = Http.freePort();
        try (Container first = engine.container(TestImages.BUSYBOX).command("sleep", "60")
                .publish("127.0.0.1:" + port + ":80").detached().run()) {
            assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).name("second-" + port).command("sleep", "60")
                    .publish("127.0.0.1:" + port + ":80").detached().run())
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Cannot start container 'second-" + port + "'")
                    .hasMessageContaining("host port " + port + " is already allocated")
                    .hasMessageContaining("publish another host port");
            assertThat(engine.containers().all().name("second-" + port).ids()).as("nothing half-created").isEmpty();
        }
    }

    @Test
    void missingImage_withNoRegistry_isAPullFailureNamingTheImage(Engine engine) {
        assertThatThrownBy(() -> engine.container("berth-test/no-such-image:404").command("true").create())
                .isInstanceOfSatisfying(ImagePullException.class, e -> {
                    assertThat(e.resource()).isEqualTo("berth-test/no-such-image:404");
                    assertThat(e.getMessage()).contains("not present locally and pulling it failed")
                            .contains("build or load the image locally");
                });
    }

    @Test
    void neverPull_missingImage_isImageNotFound(Engine engine) {
        assertThatThrownBy(() -> engine.container("berth-test/no-such-image:404")
                .pull(dev.berth.container.PullPolicy.NEVER).command("true").create())
                .isInstanceOf(ImageNotFoundException.class).isNotInstanceOf(ImagePullException.class)
                .hasMessageContaining("berth-test/no-such-image:404");
    }

    @Test
    void missingNetwork_isNetworkNotFound(Engine engine) {
        assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).network("berth-no-such-net").command("true")
                .detached().run())
                .isInstanceOf(NetworkNotFoundException.class).hasMessageContaining("berth-no-such-net");
        assertThat(engine.containers().all().ownSession().ids()).isEmpty();
    }

    @Test
    void operationsOnRemovedContainer_areNotFound(Engine engine) {
        Container c = engine.container(TestImages.BUSYBOX).command("true").create();
        c.remove();
        assertThatThrownBy(c::start).isInstanceOf(ContainerNotFoundException.class);
        assertThatThrownBy(c::inspect).isInstanceOf(ContainerNotFoundException.class);
    }

    @Test
    void pauseStoppedContainer_isNotRunning(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("true").create()) {
            assertThatThrownBy(c::pause).isInstanceOf(ContainerNotRunningException.class)
                    .hasMessageContaining("is not running");
        }
    }
}
