package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through 6 on the real engine: the final stage serves the generated page as uid 10001 without Python; the image
 * goes through a registry container and back with per-layer progress, and only the content-tagged image stays.
 */
class MultiStageBuildIT {
    @Test
    void multiStage_servesGeneratedHtmlAsNonRoot_andShipsThroughARegistryAndBack() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String out = Transcript.run(engine, "MultiStageBuild", MultiStageBuild::run);
            assertThat(out).contains("FROM ").contains(" AS build").contains("COPY --from=build /out/")
                    .contains("-> <h1>Built in two stages</h1>")
                    .contains("uid=10001(web)").contains("no python3 in the final image")
                    .containsPattern("[0-9a-f]{12}: Pushed").contains("digest: sha256:")
                    .containsPattern("[0-9a-f]{12}: (Pull complete|Already exists)")
                    .contains("pulled the same image back: true");
            assertThat(out.split("-> <h1>Built in two stages</h1>", -1)).as("served before and after the pull")
                    .hasSize(3);
            assertThat(engine.images().reference("127.0.0.1:*/berth-examples/site").list())
                    .as("the registry's tag goes with the registry").isEmpty();
            assertThat(engine.images().reference("berth-examples/site").list()).as("the content-tagged cache")
                    .hasSize(1);
        }
    }
}
