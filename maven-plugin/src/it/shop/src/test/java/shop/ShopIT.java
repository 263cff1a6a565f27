package shop;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs against the Compose project berth:up started; the URLs carry the host ports berth:up published. */
class ShopIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void webAndApi_answerOnThePublishedPorts() throws Exception {
        String page = get(System.getProperty("web.url"));
        assertTrue(page.startsWith("Hello from shop-") && page.endsWith(" 1.0.0\n"), page);
        assertEquals("{\"status\":\"up\"}\n", get(System.getProperty("api.url") + "status"));
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }
}
