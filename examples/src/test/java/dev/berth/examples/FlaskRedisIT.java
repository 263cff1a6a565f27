package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through 5 on the real engine: on a user-defined bridge the Flask app reaches Redis by name and counts 1, 2, 3;
 * the name resolves to Redis's address there, and not at all on the default bridge.
 */
class FlaskRedisIT {
    @Test
    void flaskRedis_counterGoesUpThroughRedisFoundByName_onlyOnTheUserDefinedBridge() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String out = Transcript.run(engine, "FlaskRedis", FlaskRedis::run);
            assertThat(out).contains("I have been seen 1 times.").contains("I have been seen 2 times.")
                    .contains("I have been seen 3 times.").contains("exit code 2: on the default bridge");
            Matcher redisAt = Pattern.compile("redis at (\\S+) on").matcher(out);
            assertThat(redisAt.find()).isTrue();
            assertThat(out).contains("| " + redisAt.group(1) + " ").containsPattern("\\| \\S+\\s+redis\\n");
        }
    }
}
