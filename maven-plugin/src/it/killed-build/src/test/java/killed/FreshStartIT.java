package killed;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The second build's environment is fresh although the first build left its own behind. */
class FreshStartIT {
    @Test
    void projectVolume_isFresh_andStartedContainerAnswers() throws Exception {
        // the first build's app container wrote a line too; a reused volume would hold two
        assertEquals("started\n", get(System.getProperty("app.port"), "/data/starts"));
        assertEquals("solo\n", get(System.getProperty("solo.port"), "/"));
    }

    private static String get(String port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }
}
