package dev.berth.testing;

import dev.berth.CleanupReport;
import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a real {@link Engine} (from the environment; a missing engine fails the test) and, after
 * the class, fails it if any of the session's containers, networks or volumes are left, then removes them.
 *
 * <pre>{@code
 * @ExtendWith(EngineExtension.class)
 * class MyIT {
 *     @Test void x(Engine engine) { … }
 * }
 * }</pre>
 */
public final class EngineExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EngineExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Engine engine = Engine.connect(EngineConfig.fromEnv());
        context.getStore(NS).put("engine", engine);
        TestImages.busybox(engine);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Engine engine = context.getStore(NS).remove("engine", Engine.class);
        if (engine == null) {
            return;
        }
        try {
            CleanupReport leftovers = engine.cleanup();
            if (!leftovers.isEmpty()) {
                throw new AssertionError(context.getRequiredTestClass().getSimpleName()
                        + " left resources behind (now removed): " + leftovers);
            }
        } finally {
            engine.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Engine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NS).get("engine") != null ? c.getRoot().getStore(NS).get("engine", Engine.class)
                : find(c);
    }

    private static Engine find(ExtensionContext c) {
        for (ExtensionContext x = c; x != null; x = x.getParent().orElse(null)) {
            Engine e = x.getStore(NS).get("engine", Engine.class);
            if (e != null) {
                return e;
            }
        }
        throw new IllegalStateException("No engine: EngineExtension.beforeAll did not run");
    }
}
