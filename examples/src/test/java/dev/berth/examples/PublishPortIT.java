package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Walk-through 2 on the real engine: nginx on a published loopback port serves its page and logs the request. */
class PublishPortIT {
    @Test
    void publishPort_nginxServesWelcomePageOnLoopback_andLogsTheRequest() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String out = Transcript.run(engine, "PublishPort", PublishPort::run);
            assertThat(out).containsPattern("80/tcp -> 127\\.0\\.0\\.1:\\d+")
                    .contains("HTTP 200").containsPattern("Server: nginx/\\d")
                    .contains("<title>Welcome to nginx!</title>")
                    .contains("\"GET /index.html HTTP/1.1\" 200");
        }
    }

    @Test
    void secondRun_findsItsImagesCachedByContent_andBuildsNothing() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            Transcript.run(engine, "PublishPort-first", PublishPort::run);
            String second = Transcript.run(engine, "PublishPort-second", PublishPort::run);
            assertThat(second).doesNotContain("Building ").doesNotContain("debootstrap").doesNotContain("Step 1/")
                    .contains("HTTP 200");
        }
    }
}
