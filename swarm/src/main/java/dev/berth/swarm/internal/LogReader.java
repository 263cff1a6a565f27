package dev.berth.swarm.internal;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.BerthException;
import dev.berth.container.LogSource;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Frames;
import dev.berth.swarm.ServiceLogLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads {@code GET /services/{id}/logs} or {@code /tasks/{id}/logs} with {@code details=true}: multiplexed frames
 * whose lines are {@code [timestamp ]details message}, details being the swarm's {@code key=value,…} attributes.
 */
public final class LogReader {
    private final SwarmApi api;
    private final String path;
    private final boolean tty;
    private final String kind;
    private final String name;

    /**
     * @param path {@code /services/ID/logs} or {@code /tasks/ID/logs}
     * @param tty  whether the service allocates a TTY (then the stream is not multiplexed)
     */
    public LogReader(SwarmApi api, String path, boolean tty, String kind, String name) {
        this.api = api;
        this.path = path;
        this.tty = tty;
        this.kind = kind;
        this.name = name;
    }

    /** Reads until the engine ends the stream. */
    public void read(String query, boolean timestamps, Consumer<ServiceLogLine> sink) {
        try (DockerHttpClient.Response r = open(query)) {
            pump(r.getBody(), timestamps, sink);
        } catch (IOException e) {
            throw new BerthException("Cannot read the logs of " + kind + " '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Streams on a daemon thread until the returned handle is closed. */
    public AutoCloseable follow(String query, boolean timestamps, Consumer<ServiceLogLine> sink) {
        DockerHttpClient.Response r = open(query);
        Thread t = new Thread(() -> {
            try {
                pump(r.getBody(), timestamps, sink);
            } catch (IOException | RuntimeException ended) {
                // closed by the caller or by the engine
            }
        }, "berth-service-logs-" + name);
        t.setDaemon(true);
        t.start();
        return r::close;
    }

    private DockerHttpClient.Response open(String query) {
        DockerHttpClient.Request req = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/v" + api.engine().apiVersion() + path + query).build();
        DockerHttpClient.Response r;
        try {
            r = api.engine().httpClient().execute(req);
        } catch (RuntimeException e) {
            throw api.translate(e, kind, name, "read the logs of");
        }
        if (r.getStatusCode() >= 400) {
            String body;
            try (InputStream in = r.getBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = e.toString();
            } finally {
                r.close();
            }
            throw api.translate(new EngineHttpException(r.getStatusCode(), body), kind, name, "read the logs of");
        }
        return r;
    }

    private void pump(InputStream in, boolean timestamps, Consumer<ServiceLogLine> sink) throws IOException {
        Frames frames = new Frames(in, tty);
        Map<Integer, ByteArrayOutputStream> partial = new HashMap<>();
        for (Frames.Frame f = frames.next(); f != null; f = frames.next()) {
            ByteArrayOutputStream buf = partial.computeIfAbsent(f.stream(), s -> new ByteArrayOutputStream());
            byte[] b = f.payload();
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n') {
                    buf.write(b, start, i - start);
                    sink.accept(parse(buf.toString(StandardCharsets.UTF_8), f.stream(), timestamps));
                    buf.reset();
                    start = i + 1;
                }
            }
            buf.write(b, start, b.length - start);
        }
        for (Map.Entry<Integer, ByteArrayOutputStream> e : partial.entrySet()) {
            if (e.getValue().size() > 0) {
                sink.accept(parse(e.getValue().toString(StandardCharsets.UTF_8), e.getKey(), timestamps));
            }
        }
    }

    /** Parses one line: optional timestamp, the details, then the message. */
    static ServiceLogLine parse(String line, int stream, boolean timestamps) {
        String rest = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        Optional<Instant> ts = Optional.empty();
        if (timestamps) {
            int sp = rest.indexOf(' ');
            try {
                ts = Optional.of(Instant.parse(sp < 0 ? rest : rest.substring(0, sp)));
                rest = sp < 0 ? "" : rest.substring(sp + 1);
            } catch (DateTimeParseException notAStamp) {
                // keep the line as it is
            }
        }
        Map<String, String> details = new HashMap<>();
        int sp = rest.indexOf(' ');
        String head = sp < 0 ? rest : rest.substring(0, sp);
        if (head.contains("com.docker.swarm.")) {
            for (String kv : head.split(",")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    details.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            rest = sp < 0 ? "" : rest.substring(sp + 1);
        }
        return new ServiceLogLine(details.getOrDefault("com.docker.swarm.task.id", ""),
                details.getOrDefault("com.docker.swarm.node.id", ""),
                stream == 2 ? LogSource.STDERR : LogSource.STDOUT, rest, ts);
    }
}
