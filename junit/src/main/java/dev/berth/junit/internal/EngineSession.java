package dev.berth.junit.internal;

import dev.berth.CleanupReport;
import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The engine of one JUnit run (launcher session), kept in the root context's store so every class shares it and
 * JUnit closes it at the end of the run. Opening it publishes the session's heartbeat — in the background, while the
 * first class's fixtures are read; no fixture is created before it exists — and removes what dead sessions left,
 * also in the background, while the first fixtures start (reaping touches only dead sessions' resources);
 * closing it waits for that, then removes what this session created (reusable fixtures carry another session and
 * stay). Also owns the threads that start and stop fixtures, shared by all classes; thread-safe. Usually opened
 * while JUnit still discovers the tests ({@link EarlySession}).
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
public final class EngineSession implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** Configuration parameter: the engine to use instead of the environment's ({@code unix://…}, {@code tcp://…}). */
    public static final String HOST_PARAMETER = "berth.engine.host";
    /** Configuration parameter: {@code false} starts reusable fixtures as ordinary ones. */
    public static final String REUSE_PARAMETER = "berth.reuse.enabled";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EngineSession.class);
    private static final Logger LOG = LoggerFactory.getLogger(EngineSession.class);

    private final Engine engine;
    private final ExecutorService pool;
    private final boolean reuseEnabled;
    private final AtomicInteger closed = new AtomicInteger();
    private final CompletableFuture<Void> heartbeat;
    private final CompletableFuture<Void> reaping;

    private EngineSession(Engine engine, boolean reuseEnabled) {
        this.engine = engine;
        this.reuseEnabled = reuseEnabled;
        AtomicInteger n = new AtomicInteger();
        // Starting a fixture blocks on the engine; the threads only ever wait for the engine, never for each other
        // (dependencies are chained as futures), so a bounded pool cannot deadlock.
        ThreadPoolExecutor p = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "berth-fixtures-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        p.allowCoreThreadTimeOut(true);
        this.pool = p;
        this.heartbeat = CompletableFuture.runAsync(this::startHeartbeat, p);
        this.reaping = heartbeat.thenRunAsync(this::reap, p);
    }

    /** The run's session, opened on first use. */
    public static EngineSession of(ExtensionContext context) {
        String host = host(context::getConfigurationParameter);
        boolean reuse = reuse(context::getConfigurationParameter);
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("session " + host,
                k -> claimOrOpen(context, host, reuse), EngineSession.class);
    }

    /** The run's engine host from its configuration parameters (a Jupiter context's or a discovery request's). */
    static String host(Function<String, Optional<String>> parameters) {
        return parameters.apply(HOST_PARAMETER).orElse("");
    }

    /** Whether the run reuses {@code reuse = true} fixtures, from its configuration parameters. */
    static boolean reuse(Function<String, Optional<String>> parameters) {
        return parameters.apply(REUSE_PARAMETER).map(Boolean::parseBoolean).orElse(true);
    }

    private static EngineSession claimOrOpen(ExtensionContext context, String host, boolean reuseEnabled) {
        EngineSession early;
        try {
            early = EarlySession.claim(context, host, reuseEnabled);
        } catch (LinkageError platformBefore18) {
            early = null; // EarlySession is a launcher session listener, which older JUnit Platforms do not have
        }
        return early != null ? early : open(host, reuseEnabled);
    }

    static EngineSession open(String host, boolean reuseEnabled) {
        EngineConfig.Builder config = EngineConfig.builder().cleanupOnClose(true);
        if (!host.isBlank()) {
            config.host(host);
        }
        return new EngineSession(Engine.connect(config.build()), reuseEnabled);
    }

    private void startHeartbeat() {
        try {
            engine.startHeartbeat();
        } catch (RuntimeException e) {
            // Tests still run; only the crash safety of this run is missing.
            LOG.warn("Berth session {} runs without a heartbeat: {}", engine.sessionId(), e.getMessage());
        }
    }

    /** Blocks until the session's heartbeat is on the engine; call before creating anything. */
    public void awaitHeartbeat() {
        heartbeat.join();
    }

    private void reap() {
        try {
            CleanupReport reaped = engine.reapDeadSessions();
            if (!reaped.isEmpty()) {
                LOG.info("Removed what dead Berth sessions left: {}", reaped);
            }
        } catch (RuntimeException e) {
            LOG.warn("Berth session {} could not remove what dead sessions left: {}", engine.sessionId(),
                    e.getMessage());
        }
    }

    /** The run's engine. */
    public Engine engine() {
        return engine;
    }

    /** The threads fixtures start and stop on. */
    public ExecutorService pool() {
        return pool;
    }

    /** Whether {@code reuse = true} fixtures are reused in this run. */
    public boolean reuseEnabled() {
        return reuseEnabled;
    }

    /** Removes what the session created, its heartbeat last, and closes the connection; idempotent. */
    @Override
    public void close() {
        if (closed.getAndIncrement() > 0) {
            return;
        }
        reaping.exceptionally(e -> null).join(); // failures were logged where they happened
        pool.shutdown();
        engine.close();
    }
}
