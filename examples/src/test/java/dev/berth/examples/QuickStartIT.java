package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through 1 on the real engine: {@code docker run} in the foreground passes on the output and the exit code, a
 * detached container is listed, exec'd into, logged, stopped (SIGTERM, its trap runs) and removed.
 */
class QuickStartIT {
    @Test
    void quickStart_runsForegroundAndDetachedContainersOnDebian_andRemovesThem() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String out = Transcript.run(engine, "QuickStart", QuickStart::run);
            assertThat(out).contains("| PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"")
                    .contains("| stderr: failing on purpose").contains("exit code 3:")
                    .containsPattern("\\| tick \\d+\\n")
                    .contains("state EXITED, exit code 0; last line: stopping")
                    .contains("removed: docker ps -a no longer lists it");
            assertThat(engine.containers().all().ownSession().list()).isEmpty();
        }
    }
}
