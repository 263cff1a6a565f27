package consumer;

import dev.berth.Engine;
import dev.berth.compose.Compose;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.container.Container;
import dev.berth.image.Image;
import dev.berth.image.ImageRemoveOption;
import dev.berth.wait.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One container and one Compose project, through Berth's public API only, as an application would use it. */
class ConsumerIT {
    private static final String ID = UUID.randomUUID().toString().substring(0, 8);
    private static Engine engine;
    private static Image image;

    @BeforeAll
    static void build() {
        engine = Engine.fromEnv();
        image = Shop.buildImage(engine, "berth-consumer-" + ID + ":1");
    }

    @AfterAll
    static void clean() {
        try {
            engine.cleanup();
            image.remove(ImageRemoveOption.FORCE);
        } finally {
            engine.close();
        }
    }

    @Test
    void container_servesThePage() throws Exception {
        try (Container web = engine.container(image.reference()).publish(80).detached()
                .waitingFor(Wait.forHttp("/").forPort(80)).run()) {
            assertEquals("consumer\n", get(web.hostPort(80)));
        }
    }

    @Test
    void composeProject_comesUpAndGoesDown() throws Exception {
        Path dir = Files.createTempDirectory("consumer");
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "services:",
                "  web:",
                "    image: " + image.reference(),
                "    init: true",
                "    ports: [\"80\"]",
                "    healthcheck:",
                "      test: [\"CMD\", \"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1/\"]",
                "      interval: 1s", ""));
        ComposeProject app = Compose.project(engine, LoadOptions.builder().file(dir.resolve("compose.yaml"))
                .projectName("berth-consumer-" + ID).build());
        try {
            app.up().waitReady(Duration.ofSeconds(60)).run();   // healthy: httpd answers
            assertEquals("consumer\n", get(app.port("web", 80).orElseThrow()));
        } finally {
            app.down().volumes().run();
        }
        assertEquals(0, app.psAll().size());
    }

    private static String get(int port) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
}
