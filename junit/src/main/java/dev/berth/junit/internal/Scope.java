package dev.berth.junit.internal;

import dev.berth.junit.FixtureException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The fixtures of one scope (a class's static fields or one test's instance fields), started in parallel as far as
 * their dependencies allow and stopped in reverse. Dependencies are chained as futures, so no thread waits for
 * another fixture; only the caller waits for the whole scope. Thread-safe once started.
 */
public final class Scope implements AutoCloseable {
    private final String owner;
    private final ExecutorService pool;
    private final List<Fixture> fixtures;
    private final Map<String, Started> started;

    private Scope(String owner, ExecutorService pool, List<Fixture> fixtures, Map<String, Started> started) {
        this.owner = owner;
        this.pool = pool;
        this.fixtures = fixtures;
        this.started = started;
    }

    /**
     * Starts the fixtures; blocks until all are ready. If any fails, the others are stopped and the first failure is
     * thrown, the rest suppressed.
     *
     * @param owner    for messages, e.g. {@code class ShopIT}
     * @param fixtures validated by {@link FixtureGraph}, in an order where dependencies come first
     */
    public static Scope start(EngineSession session, String owner, List<Fixture> fixtures) {
        ExecutorService pool = session.pool();
        if (!fixtures.isEmpty()) {
            session.awaitHeartbeat(); // what a session creates must be visible as its own, should the JVM die
        }
        Map<String, CompletableFuture<Started>> futures = new LinkedHashMap<>();
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        for (Fixture f : fixtures) {
            CompletableFuture<?>[] deps = f.dependsOn().stream().map(futures::get).filter(x -> x != null)
                    .toArray(CompletableFuture[]::new);
            futures.put(f.field(), CompletableFuture.allOf(deps).thenApplyAsync(v -> {
                try {
                    return f.start(session);
                } catch (RuntimeException | Error e) {
                    failures.put(f.field(), e);
                    throw e;
                }
            }, pool));
        }
        Map<String, Started> done = new LinkedHashMap<>();
        for (Fixture f : fixtures) {
            try {
                done.put(f.field(), futures.get(f.field()).join());
            } catch (CompletionException notStarted) {
                // recorded in failures, or a dependency failed
            }
        }
        Scope scope = new Scope(owner, pool, fixtures, done);
        if (!failures.isEmpty()) {
            List<Throwable> all = new ArrayList<>(failures.values());
            Throwable first = all.get(0);
            FixtureException failure = first instanceof FixtureException fe ? fe
                    : new FixtureException("Cannot start the fixtures of " + owner + ": " + first.getMessage(), first);
            all.stream().filter(t -> t != first).forEach(failure::addSuppressed);
            try {
                scope.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        return scope;
    }

    /** The started fixture of a field, if it is in this scope. */
    public Optional<Started> get(String field) {
        return Optional.ofNullable(started.get(field));
    }

    /** Every started fixture, in declaration order. */
    public Collection<Started> all() {
        return started.values();
    }

    /**
     * Stops every started fixture, each after the fixtures that depend on it, independent ones in parallel; blocks.
     *
     * @throws FixtureException if any could not be stopped, after trying all
     */
    @Override
    public void close() {
        Map<String, CompletableFuture<Void>> stops = new HashMap<>();
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        for (Fixture f : fixtures) {
            stopping(f, stops, failures);
        }
        CompletableFuture.allOf(stops.values().toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
        if (!failures.isEmpty()) {
            FixtureException failure = new FixtureException("Cannot stop " + failures.keySet() + " of " + owner
                    + ": " + failures.values().iterator().next().getMessage());
            failures.values().forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private CompletableFuture<Void> stopping(Fixture f, Map<String, CompletableFuture<Void>> stops,
                                             Map<String, Throwable> failures) {
        CompletableFuture<Void> known = stops.get(f.field());
        if (known != null) {
            return known;
        }
        CompletableFuture<?>[] dependents = fixtures.stream().filter(d -> d.dependsOn().contains(f.field()))
                .map(d -> stopping(d, stops, failures)).toArray(CompletableFuture[]::new);
        Started s = started.get(f.field());
        CompletableFuture<Void> stop = CompletableFuture.allOf(dependents).handle((v, e) -> null).thenRunAsync(() -> {
            if (s != null) {
                try {
                    s.stop().run();
                } catch (RuntimeException e) {
                    failures.put(f.field(), e);
                }
            }
        }, pool);
        stops.put(f.field(), stop);
        return stop;
    }

    @Override
    public String toString() {
        return "Scope[" + owner + ", " + started.keySet() + "]";
    }
}
