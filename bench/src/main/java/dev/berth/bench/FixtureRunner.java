package dev.berth.bench;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Child JVM: runs one test class through the JUnit launcher, as {@code mvn test} would, and prints
 * {@code DONE passed failed launcherMs}; exits 1 unless every test passed.
 */
public final class FixtureRunner {
    private FixtureRunner() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(args[0]))).build(), summary);
        TestExecutionSummary s = summary.getSummary();
        s.printFailuresTo(new PrintWriter(System.out), 20);
        System.out.printf("DONE %d %d %.1f%n", s.getTestsSucceededCount(), s.getTotalFailureCount(),
                (System.nanoTime() - start) / 1e6);
        System.out.flush();
        System.exit(s.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
