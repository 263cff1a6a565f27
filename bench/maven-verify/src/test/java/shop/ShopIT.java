package shop;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one integration test of the sample: both HTTP services answer on their published ports. */
class ShopIT {
    @Test
    void webAndApi_answer() throws Exception {
        assertEquals("hello-bench\n", get(System.getProperty("web.url")));
        assertEquals("up\n", get(System.getProperty("api.url") + "api/status"));
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }
}
