package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.EngineUnavailableException;
import dev.berth.compose.ComposeProject;
import dev.berth.container.Container;
import dev.berth.junit.internal.EngineSession;
import dev.berth.junit.internal.FixtureGraph;
import dev.berth.junit.internal.Scope;
import dev.berth.junit.internal.Started;
import dev.berth.network.Network;
import dev.berth.volume.Volume;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JUnit 5 extension behind {@link BerthTest}; register it directly with {@code @ExtendWith} to get the defaults.
 * Holds no state of its own: the run's engine lives in the root context's store, each scope's fixtures in the store
 * of its class or test, so parallel classes and methods share nothing but the thread-safe engine session.
 */
public final class BerthExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BerthExtension.class);
    private static final Set<Class<?>> HANDLES = Set.of(Container.class, Network.class, Volume.class,
            ComposeProject.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!settings(context).disabledWithoutEngine()) {
            return ConditionEvaluationResult.enabled("@BerthTest fails without an engine");
        }
        try {
            EngineSession.of(context);
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        } catch (EngineUnavailableException e) {
            return ConditionEvaluationResult.disabled("@BerthTest(disabledWithoutEngine = true): " + e.getMessage());
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EngineSession session = EngineSession.of(context);
        Class<?> testClass = context.getRequiredTestClass();
        Scope scope = Scope.start(session, "class " + testClass.getSimpleName(), FixtureGraph.ofClass(testClass));
        context.getStore(NS).put(context.getUniqueId(), scope);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        List<Scope> scopes = new ArrayList<>();
        try {
            for (Object instance : instances) {
                var fixtures = FixtureGraph.ofInstance(instance);
                if (!fixtures.isEmpty()) {
                    scopes.add(Scope.start(EngineSession.of(context), "test " + context.getDisplayName() + " of "
                            + instance.getClass().getSimpleName(), fixtures));
                }
            }
        } finally {
            context.getStore(NS).put(context.getUniqueId(), new Scopes(scopes));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context);
    }

    private static void close(ExtensionContext context) {
        AutoCloseable scope = context.getStore(NS).remove(context.getUniqueId(), AutoCloseable.class);
        if (scope != null) {
            try {
                scope.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new FixtureException("Cannot stop the fixtures of " + context.getDisplayName(), e);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Engine.class || HANDLES.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter p = parameter.getParameter();
        if (p.getType() == Engine.class) {
            return EngineSession.of(context).engine();
        }
        List<Started> candidates = new ArrayList<>();
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Object scope = c.getStore(NS).get(c.getUniqueId());
            if (scope instanceof Scope s) {
                candidates.addAll(s.all());
            } else if (scope instanceof Scopes s) {
                s.scopes().forEach(x -> candidates.addAll(x.all()));
            }
        }
        List<Started> typed = candidates.stream().filter(s -> p.getType().isInstance(s.handle())).toList();
        Optional<String> named = parameter.findAnnotation(Managed.class).map(Managed::value)
                .filter(v -> !v.isEmpty());
        if (named.isPresent()) {
            return typed.stream().filter(s -> s.field().equals(named.get())).findFirst().map(Started::handle)
                    .orElseThrow(() -> unresolved(p, "no started " + p.getType().getSimpleName() + " fixture named '"
                            + named.get() + "'", typed));
        }
        if (p.isNamePresent()) {
            Optional<Started> byName = typed.stream().filter(s -> s.field().equals(p.getName())).findFirst();
            if (byName.isPresent()) {
                return byName.get().handle();
            }
        }
        if (typed.size() == 1) {
            return typed.get(0).handle();
        }
        throw unresolved(p, typed.isEmpty() ? "no started " + p.getType().getSimpleName() + " fixture is in scope"
                + " (in @BeforeAll only static fixtures have started)"
                : "several are in scope; name one with @Managed(\"field\")", typed);
    }

    private static ParameterResolutionException unresolved(Parameter p, String why, List<Started> typed) {
        return new ParameterResolutionException("Cannot inject parameter '" + p.getName() + "' ("
                + p.getType().getSimpleName() + "): " + why + "; started " + p.getType().getSimpleName()
                + " fixtures: " + typed.stream().map(Started::field).toList());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogs(context, failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogs(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogs(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogs(context, failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogs(context, failure);
    }

    /**
     * Attaches the recent logs of every container in scope to the failure and publishes them as report entries;
     * never replaces the failure, whatever goes wrong while reading logs.
     */
    private static Throwable withLogs(ExtensionContext context, Throwable failure) {
        try {
            int lines = settings(context).logLines();
            for (ExtensionContext c = context; c != null && lines > 0; c = c.getParent().orElse(null)) {
                Object scope = c.getStore(NS).get(c.getUniqueId());
                List<Scope> scopes = scope instanceof Scope s ? List.of(s)
                        : scope instanceof Scopes s ? s.scopes() : List.of();
                for (Scope s : scopes) {
                    for (Started started : s.all()) {
                        for (FixtureLogs logs : started.logs().apply(lines)) {
                            failure.addSuppressed(logs);
                            if (!logs.logs().isBlank()) {
                                context.publishReportEntry("berth.logs." + logs.container(), logs.logs());
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static BerthTest settings(ExtensionContext context) {
        for (Optional<Class<?>> c = context.getTestClass(); c.isPresent(); c = Optional.ofNullable(c.get().getEnclosingClass())) {
            Optional<BerthTest> found = AnnotationSupport.findAnnotation(c.get(), BerthTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Defaults.class.getAnnotation(BerthTest.class);
    }

    /** The instance fixtures of one test: one scope per test instance (the test class and its enclosing classes). */
    private record Scopes(List<Scope> scopes) implements AutoCloseable {
        @Override
        public void close() {
            RuntimeException failure = null;
            for (int i = scopes.size() - 1; i >= 0; i--) {
                try {
                    scopes.get(i).close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    @BerthTest
    private static final class Defaults {
    }
}
