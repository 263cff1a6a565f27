package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.examples.support.LoadLoop;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through 7 on the real engine: behind nginx, three replicas of web answer and share one hit counter, and the
 * bounded load loop running while web scales 1 → 3 → 1 sees no failed request. Scale-down removes the
 * highest-numbered replicas, as Docker Compose does.
 */
class ComposeScaleIT {
    @Test
    void composeScale_threeReplicasAnswerBehindNginx_noRequestFailsWhileScaling1To3To1() throws Exception {
        AtomicReference<LoadLoop.Result> result = new AtomicReference<>();
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String out = Transcript.run(engine, "ComposeScale",
                    (e, console) -> result.set(ComposeScale.run(e, console, ComposeScale.CLIENTS)));
            LoadLoop.Result r = result.get();
            assertThat(r.failures()).as("failed requests while scaling; first ones: %s", r.errors()).isZero();
            assertThat(r.requests()).isPositive();
            assertThat(r.byReplica()).hasSize(3);
            assertThat(out).contains(": 1 hits   ← ").containsPattern("-web-1\\) +[\\d,]+ times")
                    .containsPattern("-web-2\\) +[\\d,]+ times").containsPattern("-web-3\\) +[\\d,]+ times")
                    .containsPattern("Container berth-scale-\\w+-web-3  Removed")
                    .containsPattern("Container berth-scale-\\w+-web-2  Removed")
                    .containsPattern("Image berth-scale-\\w+-web  Removed");
            // web-1 survives the scale-down: it was never stopped before `down`.
            String scaleDown = out.substring(out.indexOf("--scale web=1"), out.indexOf("what the load loop saw"));
            assertThat(scaleDown).doesNotContainPattern("web-1  Stop");
            assertThat(engine.images().reference("berth-scale-*").list()).isEmpty();
        }
    }
}
