package dev.berth.examples.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * HTTP GETs to ports published on {@code 127.0.0.1}, the only address the walk-throughs send traffic to. Blocking;
 * nothing to close.
 */
public final class Loopback {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Loopback() {
    }

    /** One response: status, the headers the walk-throughs print, body. */
    public record Response(int status, HttpResponse<String> raw) {
        /** The body as text. */
        public String body() {
            return raw.body();
        }

        /** A response header, if present. */
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    /** {@code GET http://127.0.0.1:PORT/PATH} once. */
    public static Response get(int port, String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching " + request.uri(), e);
        }
    }

    /**
     * GETs until a response satisfies {@code until}, retrying every 200 ms while the server is not up yet or answers
     * otherwise, for at most {@code limit}.
     *
     * @throws IllegalStateException naming the URL and the last answer or error when time runs out
     */
    public static Response await(int port, String path, Duration limit, Predicate<Response> until) {
        long end = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (true) {
            try {
                Response r = get(port, path);
                if (until.test(r)) {
                    return r;
                }
                last = "status " + r.status() + ": " + r.body().strip();
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("GET " + uri(port, path) + " did not answer as expected within "
                        + limit.toSeconds() + " s; last: " + last);
            }
            try {
                // A just-started server (or a reloading one) needs a moment; the loop is bounded by `limit`.
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + uri(port, path), e);
            }
        }
    }

    /** GETs until the status is 200. */
    public static Response awaitOk(int port, String path, Duration limit) {
        return await(port, path, limit, r -> r.status() == 200);
    }

    static URI uri(int port, String path) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        return URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path));
    }
}
