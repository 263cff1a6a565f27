package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start, run against the real engine: it serves the page, logs the request, cleans up. */
class QuickStartIT {
    @Test
    void quickStart_servesPageLogsRequestAndCleansUp() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String report = QuickStart.run(engine);
            assertThat(report).contains("-> 200").contains("<h1>Hello from Berth</h1>")
                    .contains("--- container logs ---").contains("response:200");
            assertThat(engine.containers().all().name("berth-quickstart").ids()).isEmpty();
            assertThat(engine.image(QuickStart.IMAGE).exists()).isFalse();
        }
    }
}
