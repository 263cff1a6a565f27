package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.EngineUnavailableException;
import dev.berth.Labels;
import dev.berth.internal.ProcessKey;
import dev.berth.junit.samples.EarlySample;
import dev.berth.junit.samples.NoEngineSamples;
import dev.berth.testing.Names;
import dev.berth.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The run's session opens while JUnit discovers a Berth class, and the class runs in it; an unclaimed one closes with
 * the launcher session. Observed through the heartbeat volumes the real engine holds (each session publishes one).
 * The launcher sessions here are nested in Failsafe's own, as they would be in any test that runs JUnit: each keeps
 * the sessions it opened to itself.
 */
@ExtendWith(EngineExtension.class)
class EarlySessionIT {

    /**
     * The sessions of this JVM with a heartbeat on the engine (other processes may share it). Compared as sessions,
     * not volume names: a live session (Failsafe's own, which opened while discovering this module's Berth ITs)
     * replaces its heartbeat volume by a new one every 10 s.
     */
    private static Set<String> sessions(Engine engine) {
        Set<String> sessions = new HashSet<>();
        for (String volume : engine.volumes().label(Labels.LEASE_PROCESS, ProcessKey.self().orElseThrow().label())
                .names()) {
            String rest = volume.substring("berth-heartbeat-".length()); // berth-heartbeat-<session id>-<beat>
            sessions.add(rest.substring(0, rest.lastIndexOf('-')));
        }
        return sessions;
    }

    /** The sessions that appeared since {@code before}, waiting up to 10 s for one (the open is asynchronous). */
    private static List<String> appeared(Engine engine, Set<String> before) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> now;
        do {
            now = new ArrayList<>(sessions(engine));
            now.removeAll(before);
            if (!now.isEmpty()) {
                return now;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return now;
    }

    @Test
    void discoveringABerthClass_opensItsSession_whichTheClassThenRunsIn(Engine engine) {
        Set<String> before = sessions(engine);
        AtomicReference<List<String>> atDiscovery = new AtomicReference<>();
        LauncherDiscoveryListener probe = new LauncherDiscoveryListener() {
            @Override
            public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
                try {
                    atDiscovery.set(appeared(engine, before)); // before any test of the class has run
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        EarlySample.SESSIONS.clear();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request().selectors(selectClass(EarlySample.class)).listeners(probe).build(),
                    summary);
        }

        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
        assertThat(atDiscovery.get()).as("sessions published during discovery").hasSize(1);
        assertThat(EarlySample.SESSIONS).containsExactlyElementsOf(atDiscovery.get());
        assertThat(sessions(engine)).as("the session ended with the run").isEqualTo(before);
    }

    @Test
    void anUnclaimedEarlySession_closesWithTheLauncherSession(Engine engine) throws InterruptedException {
        Set<String> before = sessions(engine);
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().discover(request().selectors(selectClass(EarlySample.class)).build());
            assertThat(appeared(engine, before)).as("opened by discovery alone").hasSize(1);
        }
        assertThat(sessions(engine)).as("closed with the launcher session, nothing left").isEqualTo(before);
    }

    @Test
    void discoveringOnlyOtherClasses_opensNothing(Engine engine) {
        Set<String> before = sessions(engine);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request().selectors(selectClass(EarlySample.Plain.class)).build(), summary);
            assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
            assertThat(sessions(engine)).as("no session was opened").isEqualTo(before);
        }
    }

    /** Through a real launcher session (where the early open happens), a missing engine still skips or fails. */
    @Test
    void withoutAnEngine_theEarlyAttemptsFailureSkipsOrFailsTheClassAsBefore() {
        String nowhere = "unix:///nonexistent/berth-" + Names.unique("x") + ".sock";
        SummaryGeneratingListener skips = new SummaryGeneratingListener();
        SummaryGeneratingListener fails = new SummaryGeneratingListener();
        List<String> skipReasons = new ArrayList<>();
        TestExecutionListener reasons = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                skipReasons.add(reason);
            }
        };
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request().selectors(selectClass(NoEngineSamples.Skips.class))
                    .configurationParameter("berth.engine.host", nowhere).build(), skips, reasons);
            session.getLauncher().execute(request().selectors(selectClass(NoEngineSamples.Fails.class))
                    .configurationParameter("berth.engine.host", nowhere).build(), fails);
        }

        assertThat(skips.getSummary().getContainersSkippedCount()).isEqualTo(1);
        assertThat(skips.getSummary().getTestsStartedCount()).isZero();
        assertThat(skipReasons).anySatisfy(r -> assertThat(r).contains("disabledWithoutEngine", "Cannot connect"));
        assertThat(fails.getSummary().getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("Cannot connect"));
    }
}
