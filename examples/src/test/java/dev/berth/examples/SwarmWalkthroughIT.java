package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.SwarmState;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through 9 on the real engine (which it puts into swarm mode and takes out again): the service converges to 1,
 * then 3 tasks, each answering with its slot; a killed task is replaced in its slot; the service and its containers are
 * removed and the engine leaves swarm mode.
 */
class SwarmWalkthroughIT {
    @Test
    void swarm_scalesToThree_replacesAKilledTask_andLeavesTheEngineAsItFoundIt() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            SwarmState before = Swarm.on(engine).info().state();
            String out = Transcript.run(engine, "SwarmWalkthrough", SwarmWalkthrough::run);
            assertThat(out).contains("overall progress: 1 out of 1 tasks").contains("overall progress: 3 out of 3 tasks")
                    .containsPattern("served by berth-web-\\w+\\.1\\n").containsPattern("served by berth-web-\\w+\\.2\\n")
                    .containsPattern("served by berth-web-\\w+\\.3\\n")
                    .containsPattern("observed berth-web-\\w+\\.2 \\w+ running → failed")
                    .containsPattern("observed berth-web-\\w+\\.2 \\w+ (\\w+ →|new,) running")
                    .containsPattern("berth-web-\\w+\\.2 +\\w+ +failed").contains("verify: Service")
                    .contains("removed; its task containers are gone");
            assertThat(Swarm.on(engine).info().state()).isEqualTo(before);
            Matcher service = Pattern.compile("docker service rm (\\S+)").matcher(out);
            assertThat(service.find()).isTrue();
            assertThat(engine.containers().all().label("com.docker.swarm.service.name", service.group(1)).list())
                    .isEmpty();
            if (before == SwarmState.INACTIVE) {
                assertThat(engine.networks().find("docker_gwbridge")).isEmpty();
            }
        }
    }
}
