package dev.berth.events;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.internal.Errors;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@code docker events} request: add filters, then {@link #subscribe(Consumer)} or {@link #open()}. Filters of
 * one kind are ORed, different kinds ANDed, as in the engine.
 */
public final class EventQuery {
    private final Engine engine;
    private final List<String> types = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private Instant since;
    private Instant until;

    private EventQuery(Engine engine) {
        this.engine = engine;
    }

    /** A query on the engine with no filters. */
    public static EventQuery of(Engine engine) {
        return new EventQuery(Objects.requireNonNull(engine, "engine"));
    }

    /** Only events about objects of this type: {@code container}, {@code image}, {@code network}, {@code volume}, … */
    public EventQuery type(String type) {
        types.add(Objects.requireNonNull(type, "type"));
        return this;
    }

    /** Only these actions, e.g. {@code start}, {@code die}, {@code health_status}. */
    public EventQuery action(String... action) {
        actions.addAll(List.of(action));
        return this;
    }

    /** Only events about this container (name or id). */
    public EventQuery container(String nameOrId) {
        containers.add(Objects.requireNonNull(nameOrId, "nameOrId"));
        return this;
    }

    /** Only events about objects with this label key. */
    public EventQuery label(String key) {
        labels.add(Objects.requireNonNull(key, "key"));
        return this;
    }

    /** Only events about objects with this label value. */
    public EventQuery label(String key, String value) {
        labels.add(Objects.requireNonNull(key, "key") + "=" + Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Replays events since this instant first ({@code --since}). */
    public EventQuery since(Instant since) {
        this.since = Objects.requireNonNull(since, "since");
        return this;
    }

    /** Ends the stream at this instant ({@code --until}). */
    public EventQuery until(Instant until) {
        this.until = Objects.requireNonNull(until, "until");
        return this;
    }

    /**
     * Delivers matching events to {@code consumer} on a background thread until the subscription is closed (or
     * {@code until} passes). Returns once the engine has accepted the subscription, so no later event is missed.
     */
    public Subscription subscribe(Consumer<EngineEvent> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        CountDownLatch started = new CountDownLatch(1);
        ResultCallback.Adapter<Event> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onStart(java.io.Closeable stream) {
                super.onStart(stream);
                started.countDown();
            }

            @Override
            public void onNext(Event e) {
                consumer.accept(map(e));
            }
        };
        try {
            command().exec(cb);
            started.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "engine", engine.config().host().toString(), "subscribe to events of");
        }
        return () -> {
            try {
                cb.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        };
    }

    /** Streams matching events into a blocking {@link EventStream}; close it when done. */
    public EventStream open() {
        EventStream stream = new EventStream();
        stream.attach(subscribe(stream::offer));
        return stream;
    }

    private EventsCmd command() {
        EventsCmd cmd = engine.dockerClient().eventsCmd();
        if (!types.isEmpty()) {
            cmd.withEventTypeFilter(types.toArray(String[]::new));
        }
        if (!actions.isEmpty()) {
            cmd.withEventFilter(actions.toArray(String[]::new));
        }
        if (!containers.isEmpty()) {
            cmd.withContainerFilter(containers.toArray(String[]::new));
        }
        if (!labels.isEmpty()) {
            cmd.withLabelFilter(labels.toArray(String[]::new));
        }
        if (since != null) {
            cmd.withSince(since.getEpochSecond() + "." + String.format("%09d", since.getNano()));
        }
        if (until != null) {
            cmd.withUntil(until.getEpochSecond() + "." + String.format("%09d", until.getNano()));
        }
        return cmd;
    }

    static EngineEvent map(Event e) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String actorId = e.getId() == null ? "" : e.getId();
        if (e.getActor() != null) {
            if (e.getActor().getAttributes() != null) {
                attributes.putAll(e.getActor().getAttributes());
            }
            if (e.getActor().getId() != null) {
                actorId = e.getActor().getId();
            }
        }
        String type = e.getType() != null ? e.getType().getValue() : "";
        String action = e.getAction() != null ? e.getAction() : (e.getStatus() == null ? "" : e.getStatus());
        Instant time = e.getTimeNano() != null && e.getTimeNano() > 0
                ? Instant.ofEpochSecond(0, e.getTimeNano())
                : Instant.ofEpochSecond(e.getTime() == null ? 0 : e.getTime());
        return new EngineEvent(type, action, actorId, attributes, time);
    }
}
