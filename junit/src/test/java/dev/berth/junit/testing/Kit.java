package dev.berth.junit.testing;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

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
}
