package dev.berth.events;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Errors;
import dev.berth.internal.Filters;
import dev.berth.internal.RawApi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code docker events} request: add filters, then {@link #subscribe(Consumer)}, {@link #open()} or
 * {@link #fetch()}. Filters of one kind are ORed, different kinds ANDed, as in the engine.
 *
 * <pre>{@code
 * try (EventStream events = engine.events().type("container").action("start", "die").label("app", "web").open()) {
 *     Optional<EngineEvent> next = events.next(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class EventQuery {
    private static final Logger LOG = LoggerFactory.getLogger(EventQuery.class);
    private final Engine engine;
    private final Filters filters = new Filters();
    private Instant since;
    private Instant until;

    EventQuery(Engine engine) {
        this.engine = engine;
    }

    /** A query on the engine with no filters. */
    public static EventQuery of(Engine engine) {
        return new EventQuery(Objects.requireNonNull(engine, "engine"));
    }

    /** Only events about objects of these types: {@code container}, {@code image}, {@code network}, {@code volume}, … */
    public EventQuery type(String... types) {
        for (String t : types) {
            filters.add("type", Objects.requireNonNull(t, "type"));
        }
        return this;
    }

    /** Only these actions, e.g. {@code start}, {@code die}; {@code health_status} matches every health action. */
    public EventQuery action(String... actions) {
        for (String a : actions) {
            filters.add("event", Objects.requireNonNull(a, "action"));
        }
        return this;
    }

    /** Only events about this container (name or id). */
    public EventQuery container(String nameOrId) {
        filters.add("container", Objects.requireNonNull(nameOrId, "nameOrId"));
        return this;
    }

    /** Only events about this image (reference or id), and containers created from it. */
    public EventQuery image(String reference) {
        filters.add("image", Objects.requireNonNull(reference, "reference"));
        return this;
    }

    /** Only events about this network (name or id). */
    public EventQuery network(String nameOrId) {
        filters.add("network", Objects.requireNonNull(nameOrId, "nameOrId"));
        return this;
    }

    /** Only events about this volume (name). */
    public EventQuery volume(String name) {
        filters.add("volume", Objects.requireNonNull(name, "name"));
        return this;
    }

    /** Only events about objects with this label key; network and volume events carry no labels, so they never match. */
    public EventQuery label(String key) {
        filters.add("label", Objects.requireNonNull(key, "key"));
        return this;
    }

    /** Only events about objects with this label value. */
    public EventQuery label(String key, String value) {
        filters.add("label", Objects.requireNonNull(key, "key") + "=" + Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Replays events since this instant first ({@code --since}); the engine keeps the last 256 or so. */
    public EventQuery since(Instant since) {
        this.since = Objects.requireNonNull(since, "since");
        return this;
    }

    /**
     * Ends the stream at this instant ({@code --until}). Without {@link #since(Instant)} the engine also replays the
     * events it has buffered, as {@code docker events --until} does; an instant in the past gives only past events.
     */
    public EventQuery until(Instant until) {
        this.until = Objects.requireNonNull(until, "until");
        return this;
    }

    /**
     * Delivers matching events to {@code consumer}, in order, on one background thread until the subscription is
     * closed or {@code until} passes. Returns once the engine has accepted the subscription, so events caused by
     * later calls are delivered. If the consumer throws, delivery stops. If the connection to the engine breaks
     * (the engine stopped or restarted), delivery stops and the failure is logged; use
     * {@link #subscribe(Consumer, Consumer)} to handle it.
     */
    public Subscription subscribe(Consumer<EngineEvent> consumer) {
        return subscribe(consumer, failure -> LOG.warn("{}", failure.getMessage()));
    }

    /**
     * As {@link #subscribe(Consumer)}, and if the connection to the engine breaks before the subscription is closed,
     * {@code onFailure} gets an {@link dev.berth.EngineUnavailableException} on the delivery thread (as
     * {@code docker events} fails with "unexpected EOF" when the engine stops).
     */
    public Subscription subscribe(Consumer<EngineEvent> consumer, Consumer<? super BerthException> onFailure) {
        Objects.requireNonNull(onFailure, "onFailure");
        return subscribe(consumer, onFailure, () -> { });
    }

    /** Streams matching events into a blocking {@link EventStream}; close it when done. */
    public EventStream open() {
        EventStream stream = new EventStream();
        stream.attach(subscribe(stream::offer, stream::fail, stream::end));
        return stream;
    }

    /**
     * The matching events from {@code since} (if set) to {@code until}; blocks until {@code until} has passed and the
     * engine has ended the stream.
     *
     * @throws IllegalStateException if no {@code until} is set, since the stream would never end
     */
    public List<EngineEvent> fetch() {
        if (until == null) {
            throw new IllegalStateException("fetch() needs until(…) to know when the stream ends; set it, or use"
                    + " open() or subscribe(…) for a live stream");
        }
        List<EngineEvent> out = new ArrayList<>();
        try (EventStream stream = open()) {
            while (true) {
                Duration left = Duration.between(Instant.now(), until).plusSeconds(10);
                var next = stream.next(left.isNegative() ? Duration.ofSeconds(10) : left);
                if (next.isEmpty()) {
                    if (stream.ended()) {
                        return out;
                    }
                    throw new BerthException("The engine did not end the event stream 10 s after until (" + until
                            + "); check the engine's clock against this host's");
                }
                out.add(next.get());
            }
        }
    }

    private Subscription subscribe(Consumer<EngineEvent> consumer, Consumer<? super BerthException> onFailure,
                                   Runnable onEnd) {
        Objects.requireNonNull(consumer, "consumer");
        try {
            return EventFeed.start(RawApi.openStream(conn(), "/events" + query()), engine.config().host(), consumer,
                    onFailure, onEnd);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "engine", engine.config().host().toString(), "subscribe to events of");
        }
    }

    String query() {
        List<String> params = new ArrayList<>();
        if (since != null) {
            params.add("since=" + timestamp(since));
        }
        if (until != null) {
            params.add("until=" + timestamp(until));
        }
        if (!filters.isEmpty()) {
            params.add("filters=" + RawApi.q(filters.json()));
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    /** The engine's {@code SECONDS.NANOSECONDS} timestamp form. */
    static String timestamp(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }
}
