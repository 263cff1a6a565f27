package dev.berth.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.Subscription;
import dev.berth.internal.EngineStream;
import dev.berth.internal.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Reads the engine's {@code /events} stream (one JSON object per line) on Berth's own client, on a daemon thread. */
final class EventFeed implements Subscription {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final EngineStream stream;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EventFeed(EngineStream stream) {
        this.stream = stream;
    }

    static EventFeed start(EngineStream stream, Consumer<EngineEvent> consumer, Runnable onEnd) {
        EventFeed feed = new EventFeed(stream);
        Thread t = new Thread(() -> feed.pump(consumer, onEnd), "berth-events-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return feed;
    }

    private void pump(Consumer<EngineEvent> consumer, Runnable onEnd) {
        try {
            String line;
            while (!closed.get() && (line = stream.nextLine()) != null) {
                if (!line.isBlank()) {
                    consumer.accept(map(Json.read(line)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // closed by the caller, the connection dropped, or the consumer failed: delivery ends either way
        } finally {
            close();
            onEnd.run();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // closing is best effort
            }
        }
    }

    /** One event of the stream; the time is {@code timeNano} when the engine sends it. */
    static EngineEvent map(JsonNode e) {
        JsonNode actor = e.path("Actor");
        Map<String, String> attributes = new LinkedHashMap<>();
        actor.path("Attributes").fields().forEachRemaining(a -> attributes.put(a.getKey(), a.getValue().asText()));
        String actorId = actor.path("ID").asText(e.path("id").asText(""));
        String action = e.path("Action").asText(e.path("status").asText(""));
        long nanos = e.path("timeNano").asLong(0);
        Instant time = nanos > 0 ? Instant.ofEpochSecond(0, nanos) : Instant.ofEpochSecond(e.path("time").asLong(0));
        return new EngineEvent(e.path("Type").asText(""), action, actorId, attributes, time);
    }
}
