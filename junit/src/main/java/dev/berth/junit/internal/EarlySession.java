package dev.berth.junit.internal;

import dev.berth.EngineUnavailableException;
import dev.berth.junit.BerthExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.SelectorResolutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the run's {@link EngineSession} as soon as JUnit's discovery resolves a Berth test class, on a background
 * thread, so that connecting to the engine and publishing the session's heartbeat happen while JUnit still prepares
 * the run instead of when the first class starts — in a fresh test JVM the last Berth work between a class starting
 * and its containers being created (docs/benchmarks.md, issue 10).
 *
 * <p>Scoped to one launcher session: when it opens, a discovery listener is registered on its launcher, and what that
 * listener opens is kept in the launcher session's store, where the first class of the session that asks for a
 * session with the same engine host and reuse setting {@linkplain #claim claims} it (Jupiter reaches that store as
 * {@link ExtensionContext.StoreScope#LAUNCHER_SESSION}). From then on it belongs to that run's root context, which
 * closes it as before. One nobody claims — its classes were filtered out after discovery, or the launcher only
 * discovered — is closed with the launcher session. Nested launcher sessions (a test running JUnit) keep their own.
 *
 * <p>Only classes named by class, method or nested-class selectors are seen (what Surefire, Gradle and IDEs send); a
 * run that selects packages or classpath roots opens its session when the first class starts, as without this. If the
 * early attempt finds no engine, the first class gets that {@link EngineUnavailableException} (so
 * {@code disabledWithoutEngine} and the message are unchanged, without waiting out a second connect). JUnit older than
 * 5.13 has no launcher session store; there this does nothing. Registered through {@code META-INF/services};
 * {@code berth.earlySession=false} (a system property, or a configuration parameter of the run) turns it off.
 *
 * <p>It replaced a listener that only loaded Berth's classes in the background during discovery: on two cores that
 * loading took as much CPU from JUnit's own discovery as it saved the class later, while opening the session also
 * overlaps engine round trips with discovery, which costs discovery nothing.
 */
public final class EarlySession implements LauncherSessionListener {
    private static final String OPENED = "opened";
    private static final String SWITCH = "berth.earlySession";
    private static final Logger LOG = LoggerFactory.getLogger(EarlySession.class);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("false".equals(System.getProperty(SWITCH))) {
            return;
        }
        try {
            Map<String, CompletableFuture<EngineSession>> opened = new ConcurrentHashMap<>();
            session.getStore().put(Namespace.create(EarlySession.class), OPENED, opened);
            session.getLauncher().registerLauncherDiscoveryListeners(new Discovery(opened));
        } catch (LinkageError olderJUnit) {
            // Before JUnit 5.13: no session store; sessions open when the first class starts.
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            closeUnclaimed(opened(session));
        } catch (LinkageError olderJUnit) {
            // nothing was opened
        }
    }

    /** What the launcher session's discoveries opened: the map its discovery listener fills, or null. */
    private static Object opened(LauncherSession session) {
        return session.getStore().get(Namespace.create(EarlySession.class), OPENED);
    }

    /** Closes every session in the map, each on its own: one that fails to close does not keep the others open. */
    private static void closeUnclaimed(Object opened) {
        if (opened instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (m.remove(k) instanceof CompletableFuture<?> f) {
                    closeWhenOpen(f);
                }
            }
        }
    }

    private static void closeWhenOpen(CompletableFuture<?> opened) {
        try {
            if (opened.join() instanceof EngineSession s) {
                s.close();
            }
        } catch (CompletionException neverOpened) {
            // nothing to close
        } catch (RuntimeException e) {
            LOG.warn("Could not close an unused Berth session: {} (the next session removes what it left)",
                    e.getMessage());
        }
    }

    /**
     * For tests: the ids of the sessions this launcher session opened early that no class has claimed yet, waiting
     * for each to open (failed attempts are left out).
     */
    static List<String> unclaimedSessionIds(LauncherSession session) {
        List<String> ids = new ArrayList<>();
        if (opened(session) instanceof Map<?, ?> m) {
            for (Object f : m.values()) {
                try {
                    if (((CompletableFuture<?>) f).join() instanceof EngineSession s) {
                        ids.add(s.engine().sessionId());
                    }
                } catch (CompletionException failed) {
                    // not a session
                }
            }
        }
        return ids;
    }

    /**
     * The session opened during this launcher session's discovery for these settings, taken out of the store so that
     * only one caller gets it; null if none was opened, or it failed for another reason than a missing engine (the
     * caller then opens one itself). Sessions opened for other settings are closed here once open: a run has one host
     * and one reuse setting, and those come from a discovery that did not carry the run's configuration (Surefire
     * scans the test classes with requests that have no configuration parameters).
     */
    static EngineSession claim(ExtensionContext context, String host, boolean reuse) {
        Object opened;
        try {
            opened = context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION,
                    ExtensionContext.Namespace.create(EarlySession.class)).get(OPENED);
        } catch (LinkageError | UnsupportedOperationException olderJUnit) {
            return null;
        }
        if (!(opened instanceof Map<?, ?> m)) {
            return null;
        }
        Object mine = m.remove(key(host, reuse));
        for (Object k : m.keySet()) { // one still connecting is closed with the launcher session instead
            if (m.get(k) instanceof CompletableFuture<?> other && other.isDone() && m.remove(k, other)) {
                closeWhenOpen(other);
            }
        }
        if (!(mine instanceof CompletableFuture<?> f)) {
            return null;
        }
        try {
            return (EngineSession) f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EngineUnavailableException unavailable) {
                throw unavailable;
            }
            return null;
        }
    }

    /** A string, not a record: a record's first equals costs a cold JVM ~10 ms of method-handle spinning. */
    private static String key(String host, boolean reuse) {
        return reuse + " " + host;
    }

    /**
     * Whether the class, or a class an inner ({@code @Nested}) class is nested in, is extended by Berth
     * ({@code @BerthTest} or directly); a static nested class inherits nothing from its enclosing class.
     */
    static boolean usesBerth(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = ModifierSupport.isStatic(c) ? null : c.getEnclosingClass()) {
            if (AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
                    .anyMatch(e -> Arrays.asList(e.value()).contains(BerthExtension.class))) {
                return true;
            }
        }
        return false;
    }

    /** Watches one launcher session's discoveries for Berth classes. */
    private static final class Discovery implements LauncherDiscoveryListener {
        private final Map<String, CompletableFuture<EngineSession>> opened;
        private volatile String host = "";
        private volatile boolean reuse = true;
        private volatile boolean enabled = true;

        Discovery(Map<String, CompletableFuture<EngineSession>> opened) {
            this.opened = opened;
        }

        @Override
        public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
            ConfigurationParameters p = request.getConfigurationParameters();
            enabled = p.getBoolean(SWITCH).orElse(true);
            host = EngineSession.host(p::get);
            reuse = EngineSession.reuse(p::get);
        }

        @Override
        public void selectorProcessed(UniqueId engineId, DiscoverySelector selector, SelectorResolutionResult result) {
            if (!enabled || result.getStatus() != SelectorResolutionResult.Status.RESOLVED
                    || !engineId.getEngineId().filter("junit-jupiter"::equals).isPresent()) {
                return;
            }
            String h = host;
            boolean r = reuse;
            String k = key(h, r);
            if (!opened.containsKey(k) && usesBerth(selectedClass(selector))) {
                opened.computeIfAbsent(k, x -> CompletableFuture.supplyAsync(() -> openWithHeartbeat(h, r), task -> {
                    Thread t = new Thread(task, "berth-early-session");
                    t.setDaemon(true);
                    t.start();
                }));
            }
        }

        /** Open once the heartbeat is published too, which the session otherwise does on its own thread. */
        private static EngineSession openWithHeartbeat(String host, boolean reuse) {
            EngineSession session = EngineSession.open(host, reuse);
            session.awaitHeartbeat();
            return session;
        }

        private static Class<?> selectedClass(DiscoverySelector selector) {
            try {
                if (selector instanceof ClassSelector s) {
                    return s.getJavaClass();
                } else if (selector instanceof MethodSelector s) {
                    return s.getJavaClass();
                } else if (selector instanceof NestedClassSelector s) {
                    return s.getNestedClass();
                } else if (selector instanceof NestedMethodSelector s) {
                    return s.getNestedClass();
                }
            } catch (RuntimeException | LinkageError e) {
                // A class JUnit resolved but we cannot load: leave it to the normal path.
            }
            return null;
        }
    }
}
