package dev.berth.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.Subscription;
import dev.berth.internal.EngineStream;
import dev.berth.internal.Errors;
import dev.berth.internal.Json;

import java.io.IOException;
import java.net.URI;
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

    /**
     * Delivers the stream's events to {@code consumer} on a daemon thread. If the connection breaks before the stream
     * was closed, {@code onFailure} gets the failure (an {@link dev.berth.EngineUnavailableException}); {@code onEnd}
     * runs last either way.
     */
    static EventFeed start(EngineStream stream, URI host, Consumer<EngineEvent> consumer,
                           Consumer<? super BerthException> onFailure, Runnable onEnd) {
        EventFeed feed = new EventFeed(stream);
        Thread t = new Thread(() -> feed.pump(host, consumer, onFailure, onEnd),
                "berth-events-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return feed;
    }

    private void pump(URI host, Consumer<EngineEvent> consumer, Consumer<? super BerthException> onFailure,
                      Runnable onEnd) {
        BerthException failure = null;
        try {
            String line;
            while (!closed.get() && (line = stream.nextLine()) != null) {
                if (!line.isBlank()) {
                    consumer.accept(event(line));
                }
            }
        } catch (IOException e) {
            if (!closed.get()) {
                failure = Errors.lost(host, "receiving its events", e);
            }
        } catch (RuntimeException e) {
            // the consumer failed: delivery ends, as documented
        } finally {
            close();
            if (failure != null) {
                onFailure.accept(failure);
            }
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

    /** One line of the stream as an event; a line that is not JSON is a broken stream, not a consumer's failure. */
    private static EngineEvent event(String line) throws IOException {
        try {
            return map(Json.read(line));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
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
