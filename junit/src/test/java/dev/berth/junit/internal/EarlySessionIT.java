package dev.berth.junit.internal;

import dev.berth.Engine;
import dev.berth.EngineUnavailableException;
import dev.berth.Labels;
import dev.berth.junit.samples.EarlySample;
import dev.berth.junit.samples.NoEngineSamples;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The run's session opens while JUnit discovers a Berth class, and the class runs in it; an unclaimed one closes with
 * the launcher session. Each test opens its own launcher session (nested in Failsafe's, as in any test that runs
 * JUnit), reads the sessions it opened early from that launcher session's store, and checks their heartbeats on the
 * real engine — so other sessions on the engine, Failsafe's own included, do not matter.
 */
@ExtendWith(EngineExtension.class)
class EarlySessionIT {

    private static boolean hasHeartbeat(Engine engine, String session) {
        return !engine.volumes().label(Labels.SESSION, session).label(Labels.LEASE).names().isEmpty();
    }

    @Test
    void discoveringABerthClass_opensItsSession_whichTheClassThenRunsIn(Engine engine) {
        AtomicReference<List<String>> atDiscovery = new AtomicReference<>();
        List<Boolean> publishedBeforeTheTests = new ArrayList<>();
        EarlySample.SESSIONS.clear();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            LauncherDiscoveryListener probe = new LauncherDiscoveryListener() {
                @Override
                public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
                    List<String> ids = EarlySession.unclaimedSessionIds(session); // waits for the open
                    atDiscovery.set(ids);
                    ids.forEach(id -> publishedBeforeTheTests.add(hasHeartbeat(engine, id)));
                }
            };
            session.getLauncher().execute(request().selectors(selectClass(EarlySample.class)).listeners(probe).build(),
                    summary);
            assertThat(EarlySession.unclaimedSessionIds(session)).as("claimed by the class").isEmpty();
        }

        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
        assertThat(atDiscovery.get()).as("opened during discovery").hasSize(1);
        assertThat(publishedBeforeTheTests).as("its heartbeat was on the engine before any test ran")
                .containsExactly(true);
        assertThat(EarlySample.SESSIONS).as("the class ran in it").containsExactlyElementsOf(atDiscovery.get());
        assertThat(hasHeartbeat(engine, atDiscovery.get().get(0))).as("ended with the run").isFalse();
    }

    @Test
    void anUnclaimedEarlySession_closesWithTheLauncherSession(Engine engine) {
        List<String> opened;
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().discover(request().selectors(selectClass(EarlySample.class)).build());
            opened = EarlySession.unclaimedSessionIds(session);
            assertThat(opened).as("opened by discovery alone").hasSize(1);
            assertThat(hasHeartbeat(engine, opened.get(0))).isTrue();
        }
        assertThat(hasHeartbeat(engine, opened.get(0))).as("closed with the launcher session").isFalse();
    }

    @Test
    void aSessionOpenedWithOtherSettings_closesWhenTheRunClaimsItsOwn(Engine engine) {
        EarlySample.SESSIONS.clear();
        try (LauncherSession session = LauncherFactory.openSession()) {
            // As Surefire scans test classes: a discovery without the run's configuration parameters.
            session.getLauncher().discover(request().selectors(selectClass(EarlySample.class)).build());
            List<String> scanned = EarlySession.unclaimedSessionIds(session);
            assertThat(scanned).hasSize(1);

            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            session.getLauncher().execute(request().selectors(selectClass(EarlySample.class))
                    .configurationParameter(EngineSession.REUSE_PARAMETER, "false").build(), summary);

            assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
            assertThat(EarlySample.SESSIONS).as("the run's own session").hasSize(1).doesNotContainAnyElementsOf(scanned);
            assertThat(hasHeartbeat(engine, scanned.get(0))).as("the scan's session, closed at the claim").isFalse();
            assertThat(EarlySession.unclaimedSessionIds(session)).isEmpty();
        }
    }

    @Test
    void discoveringOnlyOtherClasses_opensNothing() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request().selectors(selectClass(EarlySample.Plain.class)).build(), summary);
            assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
            assertThat(EarlySession.unclaimedSessionIds(session)).isEmpty();
        }
    }

    @Test
    void turnedOffByAConfigurationParameter() {
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().discover(request().selectors(selectClass(EarlySample.class))
                    .configurationParameter("berth.earlySession", "false").build());
            assertThat(EarlySession.unclaimedSessionIds(session)).isEmpty();
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
                    .configurationParameter(EngineSession.HOST_PARAMETER, nowhere).build(), skips, reasons);
            session.getLauncher().execute(request().selectors(selectClass(NoEngineSamples.Fails.class))
                    .configurationParameter(EngineSession.HOST_PARAMETER, nowhere).build(), fails);
        }

        assertThat(skips.getSummary().getContainersSkippedCount()).isEqualTo(1);
        assertThat(skips.getSummary().getTestsStartedCount()).isZero();
        assertThat(skipReasons).anySatisfy(r -> assertThat(r).contains("disabledWithoutEngine", "Cannot connect"));
        assertThat(fails.getSummary().getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("Cannot connect"));
    }
}
