package dev.berth.bench;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Child JVM like {@link FixtureRunner}, printing where a fixture class's time goes: one line of milliseconds since
 * the launching shell's clock reading, passed as {@code -Dt0=<epoch ns>} ({@code date +%s%N}), so JVM start-up counts:
 * {@code PHASES jupiterStarted classStarted firstTestStarted lastTestFinished classFinished jupiterFinished}.
 * The phase table of docs/benchmarks.md (issue 10) takes medians of alternating runs of this.
 */
public final class FixtureTimeline {
    private FixtureTimeline() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = Long.parseLong(System.getProperty("t0"));
        List<Long> marks = new ArrayList<>();
        long[] lastTest = {0};
        boolean[] firstTest = {true};
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(args[0]))).build(), new TestExecutionListener() {
                    @Override
                    public void executionStarted(TestIdentifier id) {
                        if (id.isContainer() || firstTest[0]) {
                            marks.add(now(t0));
                            firstTest[0] &= id.isContainer();
                        }
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            lastTest[0] = now(t0);
                        } else {
                            if (marks.size() == 3) {
                                marks.add(lastTest[0]);
                            }
                            marks.add(now(t0));
                        }
                    }
                });
        StringBuilder line = new StringBuilder("PHASES");
        marks.forEach(m -> line.append(' ').append(m));
        System.out.println(line);
        System.exit(0);
    }

    private static long now(long t0) {
        return (System.currentTimeMillis() * 1_000_000L - t0) / 1_000_000L;
    }
}
