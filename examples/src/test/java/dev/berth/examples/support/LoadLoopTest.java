package dev.berth.examples.support;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load loop against an in-process HTTP server on 127.0.0.1: its bounds and what it counts. */
class LoadLoopTest {
    private HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    private int serve(int failEvery) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int n = served.incrementAndGet();
            boolean fail = failEvery > 0 && n % failEvery == 0;
            byte[] body = ("Hello from r" + (n % 2) + ": " + n + " hits\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void stopsAtMaxRequests_andCountsAnswersByReplicaAndFailures() throws Exception {
        int port = serve(10);
        LoadLoop loop = LoadLoop.start(port, "/", 3, 100, Duration.ofMinutes(1), body -> body.substring(11, 13));
        awaitExhausted(loop);
        LoadLoop.Result r = loop.stop();
        assertThat(r.requests()).isEqualTo(100);
        assertThat(served.get()).isEqualTo(100);
        assertThat(r.failures()).isEqualTo(10);
        assertThat(r.errors()).hasSize(10).allSatisfy(e -> assertThat(e).contains("status 503"));
        assertThat(r.byReplica()).containsOnlyKeys("r0", "r1");
        assertThat(r.byReplica().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(90);
        assertThat(r.p50Millis()).isPositive().isLessThanOrEqualTo(r.p99Millis());
        assertThat(r.p99Millis()).isLessThanOrEqualTo(r.maxMillis());
        assertThat(loop.stop()).isSameAs(r);
    }

    @Test
    void aConnectionFailureCountsAsAFailedRequest() throws Exception {
        int port = serve(0);
        server.stop(0);
        server = null;
        LoadLoop loop = LoadLoop.start(port, "/", 1, 3, Duration.ofSeconds(30), b -> b);
        awaitExhausted(loop);
        LoadLoop.Result r = loop.stop();
        assertThat(r.requests()).isEqualTo(3);
        assertThat(r.failures()).isEqualTo(3);
        assertThat(r.errors()).allSatisfy(e -> assertThat(e).contains("ConnectException"));
    }

    @Test
    void refusesUnboundedLoops() {
        assertThatThrownBy(() -> LoadLoop.start(80, "/", 0, 10, Duration.ofSeconds(1), b -> b))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadLoop.start(80, "/", 1, 2_000_000, Duration.ofSeconds(1), b -> b))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadLoop.start(80, "/", 1, 10, Duration.ofHours(1), b -> b))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadLoop.start(0, "/", 1, 10, Duration.ofSeconds(1), b -> b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    /** The loop ends on its own once its requests are used up; stop() then only collects the result. */
    private static void awaitExhausted(LoadLoop loop) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!loop.exhausted() && System.nanoTime() < end) {
            Thread.sleep(10); // bounded (30 s) wait for the workers to use up their requests
        }
    }
}
