package dev.berth.junit.internal;

import dev.berth.container.Container;
import dev.berth.junit.BerthExtension;
import dev.berth.junit.Managed;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the static fixtures of a run that is one Berth test class — what an IDE's "run this class", a
 * {@code -Dtest=ShopIT} or a forked JVM per class executes — as soon as JUnit begins executing the run, on the
 * session's threads, so the engine starts the containers while Jupiter still sets up the class, instead of after its
 * {@code beforeAll} (docs/benchmarks.md, issue 10). The class's {@code beforeAll} then {@linkplain #claim claims}
 * them, waiting for the start to finish; a failure to read or start them is thrown there, as it would have been.
 * If the class never claims them (a condition disabled it, an earlier extension failed), they are stopped when the
 * class is finished or skipped.
 *
 * <p>Only when starting them earlier cannot change what the class sees, so only when all of these hold:
 * <ul>
 *   <li>the test plan is exactly one top-level Jupiter class, so no other class can run while they are up;</li>
 *   <li>{@link BerthExtension} is the only extension declared on the class (no condition, no other extension's
 *       {@code beforeAll} that the containers could depend on), the class is not {@code @Disabled}, and extension
 *       auto-detection is off;</li>
 *   <li>every static {@code @Managed} field is {@code final}: their values are fixed once the class is initialized,
 *       so nothing that runs before {@code beforeAll} can change them;</li>
 *   <li>the class's test instance is created per method (the default), so no constructor runs before them.</li>
 * </ul>
 * The one visible difference: the class is initialized (its static initializers run) on a Berth thread. Turned off
 * with the early session, by {@code berth.earlySession=false}.
 */
public final class EarlyFixtures implements TestExecutionListener {
    static final String STARTED = "fixtures";
    private static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";
    private static final String LIFECYCLE = "junit.jupiter.testinstance.lifecycle.default";
    private static final Logger LOG = LoggerFactory.getLogger(EarlyFixtures.class);

    private final Map<String, CompletableFuture<EngineSession>> opened;
    private final Map<String, CompletableFuture<Early>> started;

    EarlyFixtures(Map<String, CompletableFuture<EngineSession>> opened,
                  Map<String, CompletableFuture<Early>> started) {
        this.opened = opened;
        this.started = started;
    }

    /**
     * What was started early for a class, in which session; {@code scope} null when the session could not be opened
     * (the class then opens its own and starts its fixtures itself). Not a record: see {@link EarlySession}'s key.
     */
    static final class Early {
        final EngineSession session;
        final Scope scope;

        Early(EngineSession session, Scope scope) {
            this.session = session;
            this.scope = scope;
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        try {
            ConfigurationParameters p = plan.getConfigurationParameters();
            if ("false".equals(System.getProperty(EarlySession.SWITCH)) || !p.getBoolean(EarlySession.SWITCH).orElse(true)
                    || p.getBoolean(AUTODETECTION).orElse(false)) {
                return;
            }
            TestIdentifier only = onlyClass(plan);
            if (only == null || !(only.getSource().orElse(null) instanceof ClassSource source)) {
                return;
            }
            Class<?> testClass = source.getJavaClass();
            if (!eligible(testClass, p)) {
                return;
            }
            CompletableFuture<EngineSession> session = EarlySession.opening(opened, EngineSession.host(p::get),
                    EngineSession.reuse(p::get));
            started.put(only.getUniqueId(), session.handle((s, e) -> s).thenCompose(s -> s == null
                    ? CompletableFuture.completedFuture(new Early(null, null))
                    : CompletableFuture.supplyAsync(() -> new Early(s, Scope.start(s, "class "
                    + testClass.getSimpleName(), FixtureGraph.ofClass(testClass))), s.pool())));
        } catch (RuntimeException | LinkageError e) {
            // A class we cannot inspect: it starts its fixtures itself, and reports what is wrong there.
        }
    }

    /** The plan's only top-level class, if the plan is one Jupiter class; null otherwise. */
    private static TestIdentifier onlyClass(TestPlan plan) {
        List<TestIdentifier> top = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            top.addAll(plan.getChildren(root));
            if (top.size() > 1) {
                return null;
            }
        }
        return top.size() == 1 && top.get(0).getUniqueIdObject().getEngineId().filter("junit-jupiter"::equals)
                .isPresent() ? top.get(0) : null;
    }

    /** Whether starting the class's static fixtures before its {@code beforeAll} cannot change what it sees. */
    static boolean eligible(Class<?> testClass, ConfigurationParameters parameters) {
        List<?> extensions = AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .flatMap(e -> Arrays.stream(e.value())).distinct().toList();
        if (!extensions.equals(List.of(BerthExtension.class)) || AnnotationSupport.isAnnotated(testClass, Disabled.class)
                || perClass(testClass, parameters)) {
            return false;
        }
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, Managed.class, ModifierSupport::isStatic,
                HierarchyTraversalMode.TOP_DOWN);
        return !fields.isEmpty() && fields.stream().allMatch(ModifierSupport::isFinal);
    }

    private static boolean perClass(Class<?> testClass, ConfigurationParameters parameters) {
        return AnnotationSupport.findAnnotation(testClass, TestInstance.class)
                .map(t -> t.value() == TestInstance.Lifecycle.PER_CLASS)
                .orElseGet(() -> parameters.get(LIFECYCLE).map(v -> v.trim().equalsIgnoreCase("per_class"))
                        .orElse(false));
    }

    /**
     * The class's static fixtures if they were started early in this session, waiting for the start to finish; null
     * if they were not (the class starts them itself). Throws what reading or starting them threw.
     */
    public static Scope claim(ExtensionContext context, EngineSession session) {
        Object all;
        try {
            all = context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION,
                    ExtensionContext.Namespace.create(EarlySession.class)).get(STARTED);
        } catch (LinkageError | UnsupportedOperationException olderJUnit) {
            return null;
        }
        if (!(all instanceof Map<?, ?> m) || !(m.remove(context.getUniqueId()) instanceof CompletableFuture<?> f)) {
            return null;
        }
        Early s;
        try {
            s = (Early) f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
        if (s.scope == null) {
            return null;
        }
        if (s.session != session) { // cannot happen while plan and class read the same configuration; never leak
            close(s.scope);
            return null;
        }
        return s.scope;
    }

    /**
     * For tests: the ids of the containers started early for each class of this launcher session that has not claimed
     * them yet, by the class's unique id, waiting for each start (failed starts are left out).
     */
    static Map<String, List<String>> unclaimedContainerIds(LauncherSession session) {
        Map<String, List<String>> ids = new TreeMap<>();
        if (session.getStore().get(Namespace.create(EarlySession.class), STARTED) instanceof Map<?, ?> m) {
            m.forEach((k, f) -> {
                try {
                    if (((CompletableFuture<?>) f).join() instanceof Early s && s.scope != null) {
                        ids.put((String) k, s.scope.all().stream().map(Started::handle)
                                .filter(h -> h instanceof Container).map(h -> ((Container) h).id()).toList());
                    }
                } catch (CompletionException failed) {
                    // nothing started
                }
            });
        }
        return ids;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        closeUnclaimed(started, id.getUniqueId());
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        closeUnclaimed(started, id.getUniqueId());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        closeUnclaimed(started);
    }

    /** Stops whatever was started early and is still unclaimed; for the launcher session's end. */
    static void closeUnclaimed(Object started) {
        if (started instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                closeUnclaimed(m, k);
            }
        }
    }

    private static void closeUnclaimed(Map<?, ?> started, Object key) {
        if (started.remove(key) instanceof CompletableFuture<?> f) {
            try {
                if (f.join() instanceof Early s && s.scope != null) {
                    close(s.scope);
                }
            } catch (CompletionException failed) {
                // nothing started, or what did was stopped by the failing start
            }
        }
    }

    private static void close(Scope scope) {
        try {
            scope.close();
        } catch (RuntimeException e) {
            LOG.warn("Could not stop fixtures started for a class that did not run: {} (the session removes them)",
                    e.getMessage());
        }
    }
}
