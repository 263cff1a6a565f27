package dev.berth.junit.testing;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.junit.platform.engine.TestExecutionResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs sample classes through JUnit Jupiter in-process (a separate launcher session, so a separate Berth session). */
public final class Kit {
    private Kit() {
    }

    public static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").configurationParameters(configuration);
        for (Class<?> c : classes) {
            kit.selectors(selectClass(c));
        }
        return kit.execute();
    }

    public static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    /** Runs the classes and fails, with every failure's stack trace, unless exactly {@code tests} tests passed. */
    public static EngineExecutionResults passes(int tests, Map<String, String> configuration, Class<?>... classes) {
        EngineExecutionResults results = run(configuration, classes);
        List<String> failures = new ArrayList<>();
        results.allEvents().failed().stream().forEach(e -> failures.add(e.getTestDescriptor().getDisplayName() + ": "
                + e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Kit::trace).orElse("(no throwable)")));
        long passed = results.testEvents().succeeded().count();
        if (!failures.isEmpty() || passed != tests) {
            throw new AssertionError(passed + " of " + tests + " tests passed; failures:\n" + String.join("\n", failures));
        }
        return results;
    }

    public static EngineExecutionResults passes(int tests, Class<?>... classes) {
        return passes(tests, Map.of(), classes);
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
