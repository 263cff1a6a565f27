package failing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reaches both containers (so they really ran), then fails on purpose. */
class FailingIT {
    @Test
    void failsAfterReachingTheContainers() throws Exception {
        assertEquals("failing\n", get(System.getProperty("web.port")));
        assertEquals("failing\n", get(System.getProperty("solo.port")));
        assertEquals("a passing test", "this test fails on purpose");
    }

    private static String get(String port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
