package dev.berth.wait;

import dev.berth.container.Container;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Waits until an HTTP GET on a published port answers with an expected status; polls every 100 ms. */
public final class HttpWait implements WaitStrategy {
    private static final Duration POLL = Duration.ofMillis(100);
    private final String path;
    private final int containerPort;
    /** The accepted statuses; empty until {@link #forStatus(int)} is called, which means 200. */
    private final List<Integer> statuses;
    private final Duration timeout;

    HttpWait(String path, int containerPort, List<Integer> statuses, Duration timeout) {
        this.path = Objects.requireNonNull(path, "path").startsWith("/") ? path : "/" + path;
        this.containerPort = containerPort;
        this.statuses = List.copyOf(statuses);
        this.timeout = timeout;
    }

    /** The statuses that count as ready: those given to {@link #forStatus(int)}, else 200. */
    List<Integer> accepted() {
        return statuses.isEmpty() ? List.of(200) : statuses;
    }

    /** Probes the host port this container port is published on (default: the first published port). */
    public HttpWait forPort(int containerPort) {
        return new HttpWait(path, containerPort, statuses, timeout);
    }

    /** Accepts this status; call again to accept several. The first call replaces the default 200. */
    public HttpWait forStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be between 100 and 599, was " + status);
        }
        List<Integer> s = new ArrayList<>(statuses);
        s.add(status);
        return new HttpWait(path, containerPort, s, timeout);
    }

    @Override
    public void waitUntilReady(Container container, Deadline outer) {
        Deadline deadline = outer.atMost(timeout);
        int hostPort = containerPort == 0 ? firstPublished(container) : container.hostPort(containerPort);
        URI uri = URI.create("http://127.0.0.1:" + hostPort + path);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String last = "not tried";
        while (true) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (accepted().contains(r.statusCode())) {
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = "request failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.berth.BerthException("Interrupted while waiting for " + describe(), e);
            }
            Waits.failIfExited(container, describe());
            if (deadline.expired()) {
                throw Waits.timeout(container, describe() + " at " + uri, deadline, last);
            }
            Waits.sleep(POLL);
        }
    }

    private static int firstPublished(Container c) {
        return c.inspect().ports().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Container '" + c.name()
                        + "' publishes no port; publish one or name it with Wait.forHttp(path).forPort(port)"))
                .hostPort();
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public HttpWait withTimeout(Duration t) {
        return new HttpWait(path, containerPort, statuses, Waits.checkTimeout(t));
    }

    @Override
    public String describe() {
        return "HTTP GET " + path + (containerPort == 0 ? "" : " on port " + containerPort) + " to answer " + accepted();
    }
}
