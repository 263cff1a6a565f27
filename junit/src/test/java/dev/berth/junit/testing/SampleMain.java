package dev.berth.junit.testing;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs one sample class through the JUnit launcher in a JVM of its own: {@code SampleMain CLASS [--gate]}. With
 * {@code --gate} it prints {@code WAITING} and waits for a line on stdin first, so a parent can release several JVMs
 * at the same moment. Exits 0 when every test passed. Used by ReuseIT, CrashRecoveryIT and the fixture benchmark.
 */
public final class SampleMain {
    private SampleMain() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> sample = Class.forName(args[0]);
        if (args.length > 1 && args[1].equals("--gate")) {
            System.out.println("WAITING");
            System.out.flush();
            if (System.in.read() < 0) {
                System.exit(3);
            }
        }
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(), summary);
        TestExecutionSummary s = summary.getSummary();
        s.printFailuresTo(new PrintWriter(System.err), 50);
        System.out.println("PASSED " + s.getTestsSucceededCount() + " FAILED " + s.getTotalFailureCount());
        System.exit(s.getTotalFailureCount() == 0 && s.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
