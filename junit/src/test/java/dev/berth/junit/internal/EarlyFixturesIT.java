package dev.berth.junit.internal;

import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.junit.FixtureException;
import dev.berth.junit.samples.EarlySample;
import dev.berth.junit.samples.EarlyStartSample;
import dev.berth.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A run that is one Berth class starts that class's static fixtures as the run begins, before the class's
 * {@code beforeAll}, and the class then uses them; other runs start them with the class as before. Each test runs the
 * samples in its own launcher session and reads what that session started early from its store, then checks the
 * containers on the real engine.
 */
@ExtendWith(EngineExtension.class)
class EarlyFixturesIT {

    /** Runs one request in a fresh launcher session, noting what was started early when each class began. */
    private static Run run(LauncherDiscoveryRequest request) {
        Run run = new Run();
        try (LauncherSession session = LauncherFactory.openSession()) {
            TestExecutionListener probe = new TestExecutionListener() {
                @Override
                public void testPlanExecutionStarted(TestPlan plan) {
                    run.sessions.addAll(EarlySession.unclaimedSessionIds(session)); // waits for the open
                    run.atPlanStart.putAll(EarlyFixtures.unclaimedContainerIds(session)); // waits for the starts
                }

                @Override
                public void executionStarted(TestIdentifier id) {
                    if (id.getSource().isPresent() && id.isContainer()) {
                        run.atClassStart.add(EarlyFixtures.unclaimedContainerIds(session));
                    }
                }
            };
            session.getLauncher().execute(request, run.summary, probe);
            run.afterRun = EarlyFixtures.unclaimedContainerIds(session);
        }
        return run;
    }

    private static final class Run {
        final SummaryGeneratingListener summary = new SummaryGeneratingListener();
        final Map<String, List<String>> atPlanStart = new java.util.TreeMap<>();
        final List<Map<String, List<String>>> atClassStart = new CopyOnWriteArrayList<>();
        final List<String> sessions = new CopyOnWriteArrayList<>();
        Map<String, List<String>> afterRun;

        TestExecutionSummary result() {
            return summary.getSummary();
        }
    }

    private static boolean exists(Engine engine, String containerId) {
        return engine.containers().all().ids().contains(containerId);
    }

    @Test
    void aRunOfOneClass_startsItsFixturesBeforeTheClass_whichThenUsesThem(Engine engine) {
        EarlyStartSample.SEEN.clear();

        Run run = run(request().selectors(selectClass(EarlyStartSample.class)).build());

        assertThat(run.result().getTestsSucceededCount()).isEqualTo(1);
        assertThat(run.atClassStart).as("started before the class began").first()
                .satisfies(m -> assertThat(m.values()).singleElement().satisfies(ids -> assertThat(ids).hasSize(1)));
        List<String> early = run.atClassStart.get(0).values().iterator().next();
        assertThat(EarlyStartSample.SEEN).as("the class's test got that container").containsExactlyElementsOf(early);
        assertThat(run.afterRun).as("claimed by the class").isEmpty();
        assertThat(exists(engine, early.get(0))).as("stopped and removed with the class").isFalse();
    }

    @Test
    void aRunOfSeveralClasses_startsNothingEarly() {
        EarlyStartSample.SEEN.clear();
        EarlySample.SESSIONS.clear();

        Run run = run(request().selectors(selectClass(EarlyStartSample.class), selectClass(EarlySample.class)).build());

        assertThat(run.result().getTestsSucceededCount()).isEqualTo(2);
        assertThat(run.atClassStart).hasSize(2).allSatisfy(m -> assertThat(m).isEmpty());
        assertThat(EarlyStartSample.SEEN).hasSize(1);
    }

    @Test
    void aFixtureFieldThatIsNotFinal_startsWithItsClass() {
        EarlyStartSample.SEEN.clear();

        Run run = run(request().selectors(selectClass(EarlyStartSample.NotFinal.class)).build());

        assertThat(run.result().getTestsSucceededCount()).isEqualTo(1);
        assertThat(run.atClassStart).singleElement().satisfies(m -> assertThat(m).isEmpty());
        assertThat(EarlyStartSample.SEEN).hasSize(1);
    }

    @Test
    void turnedOffWithTheEarlySession() {
        EarlyStartSample.SEEN.clear();

        Run run = run(request().selectors(selectClass(EarlyStartSample.class))
                .configurationParameter("berth.earlySession", "false").build());

        assertThat(run.result().getTestsSucceededCount()).isEqualTo(1);
        assertThat(run.atClassStart).singleElement().satisfies(m -> assertThat(m).isEmpty());
    }

    @Test
    void whatTheClassNeverClaims_isStoppedWhenItIsSkipped(Engine engine) {
        Run run = run(request().selectors(selectClass(EarlyStartSample.SkippedByAField.class)).build());

        assertThat(run.result().getContainersSkippedCount()).isEqualTo(1);
        assertThat(run.atPlanStart.values()).as("started as the run began").singleElement()
                .satisfies(ids -> assertThat(ids).hasSize(1));
        String started = run.atPlanStart.values().iterator().next().get(0);
        assertThat(run.afterRun).isEmpty();
        assertThat(exists(engine, started)).as("removed once the class was skipped").isFalse();
    }

    /** A start that fails early fails the class as a start in its beforeAll does, and leaves no container behind. */
    @Test
    void aFixtureThatCannotStart_failsTheClassAsWithoutTheEarlyStart(Engine engine) {
        Run early = run(request().selectors(selectClass(EarlyStartSample.CannotStart.class)).build());
        Run late = run(request().selectors(selectClass(EarlyStartSample.CannotStart.class))
                .configurationParameter("berth.earlySession", "false").build());

        List<String> failures = new ArrayList<>();
        for (Run r : List.of(early, late)) {
            assertThat(r.result().getFailures()).singleElement().satisfies(f -> {
                assertThat(f.getException()).isInstanceOf(FixtureException.class).hasMessageContaining("broken");
                failures.add(f.getException().getMessage().replaceAll("[0-9a-f]{12,64}", "<id>")
                        .replaceAll("berth-[a-z0-9-]+", "<name>"));
            });
        }
        assertThat(failures.get(0)).as("the same failure either way").isEqualTo(failures.get(1));
        assertThat(early.atPlanStart).as("nothing started").isEmpty();
        assertThat(early.sessions).singleElement().satisfies(session -> assertThat(
                engine.containers().all().label(Labels.SESSION, session).ids()).as("nothing left").isEmpty());
    }
}
