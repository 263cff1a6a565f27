package dev.berth.bench;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.List;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The fixture benchmark's classes as part of a longer suite: all in one JVM, each framework warmed up by one run of
 * its class, then the classes alternate; the figure is the class's own time, from JUnit starting the class (before
 * its fixtures start) to finishing it (after they stop), as a suite pays it per class. Run with
 * {@code TESTCONTAINERS_RYUK_DISABLED=true}. Usage: {@code FixtureSuiteBenchmark [rounds]}.
 */
public final class FixtureSuiteBenchmark {
    private FixtureSuiteBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Launcher launcher = LauncherFactory.create();
        List<Class<?>> classes = List.of(FixtureClassBerth.class, FixtureClassTestcontainers.class,
                FixtureClassTestcontainersParallel.class);
        Stats[] stats = {new Stats(), new Stats(), new Stats()};
        Stats perRound = new Stats();
        for (int i = 0; i < rounds + 1; i++) {
            double[] round = new double[3];
            for (int k = 0; k < classes.size(); k++) {
                int c = (k + i) % classes.size();
                round[c] = classTime(launcher, classes.get(c));
                if (i > 0) {
                    stats[c].add(round[c]);
                }
            }
            if (i > 0) {
                perRound.add(round[0] / round[1]);
            }
        }
        String[] names = {"**Berth** (berth-junit)", "Testcontainers 2.0.5", "Testcontainers 2.0.5, parallel = true"};
        System.out.println("| class | n | median ms | p10 ms | p90 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int c = 0; c < 3; c++) {
            System.out.println(stats[c].row(names[c]));
        }
        System.out.printf("Berth / Testcontainers = %.3f (medians), %.3f (median of per-round ratios); Berth /"
                        + " Testcontainers parallel = %.3f%n", stats[0].median() / stats[1].median(), perRound.median(),
                stats[0].median() / stats[2].median());
    }

    private static double classTime(Launcher launcher, Class<?> testClass) {
        long[] span = new long[2];
        int[] failed = new int[1];
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionStarted(TestIdentifier id) {
                        if (id.getSource().map(s -> s.toString().contains("ClassSource")).orElse(false)) {
                            span[0] = System.nanoTime();
                        }
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            failed[0]++;
                            result.getThrowable().ifPresent(Throwable::printStackTrace);
                        }
                        if (id.getSource().map(s -> s.toString().contains("ClassSource")).orElse(false)) {
                            span[1] = System.nanoTime();
                        }
                    }
                });
        if (failed[0] > 0 || span[1] == 0) {
            throw new IllegalStateException(testClass.getSimpleName() + " failed");
        }
        return (span[1] - span[0]) / 1e6;
    }
}
