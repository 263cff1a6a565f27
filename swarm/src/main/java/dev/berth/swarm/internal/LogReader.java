package dev.berth.swarm.internal;

import dev.berth.BerthException;
import dev.berth.container.LogSource;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.RawApi;
import dev.berth.internal.FrameLines;
import dev.berth.swarm.ServiceLogLine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        try (RawApi.Streamed r = open(query)) {
            pump(r.body(), tty, timestamps, sink);
        } catch (IOException e) {
            throw new BerthException("Cannot read the logs of " + kind + " '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Streams on a daemon thread until the returned handle is closed. */
    public AutoCloseable follow(String query, boolean timestamps, Consumer<ServiceLogLine> sink) {
        RawApi.Streamed r = open(query);
        Thread t = new Thread(() -> {
            try {
                pump(r.body(), tty, timestamps, sink);
            } catch (IOException | RuntimeException ended) {
                // closed by the caller or by the engine
            }
        }, "berth-service-logs-" + name);
        t.setDaemon(true);
        t.start();
        return r::close;
    }

    private RawApi.Streamed open(String query) {
        try {
            return RawApi.open(EngineAccess.connection(api.engine()), "GET", path + query, java.util.Map.of(), null);
        } catch (RuntimeException e) {
            throw api.translate(e, kind, name, "read the logs of");
        }
    }

    static void pump(InputStream in, boolean tty, boolean timestamps, Consumer<ServiceLogLine> sink)
            throws IOException {
        FrameLines.pump(in, tty, timestamps, (stream, text, ts) -> sink.accept(parse(text, stream, ts)));
    }

    /** Parses one line after its timestamp: the details, then the message. */
    static ServiceLogLine parse(String line, int stream, Optional<Instant> ts) {
        String rest = line;
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
