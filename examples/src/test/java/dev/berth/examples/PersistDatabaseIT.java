package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through 3 on the real engine: a MariaDB row written by one container is read by a new container on the same
 * named volume, and survives a restart; the containers and the volume are removed.
 */
class PersistDatabaseIT {
    @Test
    void persistDatabase_rowSurvivesContainerRemovalAndRestart_thenVolumeIsRemoved() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String out = Transcript.run(engine, "PersistDatabase", PersistDatabase::run);
            assertThat(out).contains("creating the system tables").contains("volume still there: true");
            String afterRemoval = out.substring(out.indexOf("a new container on the same volume"));
            assertThat(afterRemoval).contains("|  1 | Ada Lovelace | 1843-09-01 |");
            String afterRestart = out.substring(out.indexOf("after the restart"));
            assertThat(afterRestart).contains("|  1 | Ada Lovelace | 1843-09-01 |")
                    .contains("|  2 | Grace Hopper | 1944-08-07 |");
            // The second container found an initialised data directory: the system tables were created once.
            assertThat(out.split("creating the system tables", -1)).hasSize(2);
            assertThat(engine.volumes().ownSession().list()).isEmpty();
        }
    }
}
