package dev.berth.junit.samples;

import dev.berth.container.ContainerSpec;
import dev.berth.junit.testcontainers.BerthContainer;
import dev.berth.junit.testing.Images;
import dev.berth.wait.Wait;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A class written for Testcontainers' own extension, with one fixture moved to Berth. */
@Testcontainers
public class TestcontainersSample {
    public static final Map<String, String> IDS = new ConcurrentHashMap<>();

    static final String IMAGE = Images.BUSYBOX;

    // tour:tc-startable
    @Container                                                        // Testcontainers' extension starts it
    static final BerthContainer db = BerthContainer.of(ContainerSpec.builder(IMAGE)
            .command("sh", "-c", "echo db up; exec sleep 300").init().build())
            .waitingFor(Wait.forLogMessage("db up"));

    @Container
    static final GenericContainer<?> app = new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withCommand("sleep", "300").dependsOn(db);               // a Berth container as a dependency
    // end

    @Test
    void bothRun() {
        assertThat(db.container().isRunning()).isTrue();
        assertThat(app.isRunning()).isTrue();
        IDS.put("berth", db.container().id());
        IDS.put("testcontainers", app.getContainerId());
    }
}
