package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through 4 on the real engine: an edit on the host reaches the bind-mounted dev server without a rebuild, and the
 * file the app writes appears on the host owned by the host user (the container runs as that user).
 */
class DevEnvironmentIT {
    @Test
    void devEnvironment_hostEditIsServedAfterReload_andContainerWritesAreOwnedByHostUser() throws Exception {
        Object hostUid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String out = Transcript.run(engine, "DevEnvironment", DevEnvironment::run);
            assertThat(out).contains("-> Hello from the dev container, version 1")
                    .contains("-> Hello from the dev container, version 2")
                    .contains("Detected change in '/src/app.py', reloading")
                    .contains("requests.log  owner uid " + hostUid + ",")
                    .containsPattern("\\| \\d\\d:\\d\\d:\\d\\d GET / -> version 2");
        }
    }
}
