package dev.berth.junit;

import dev.berth.ContainerNotFoundException;
import dev.berth.Engine;
import dev.berth.EngineUnavailableException;
import dev.berth.Labels;
import dev.berth.container.Container;
import dev.berth.junit.samples.ComposeSample;
import dev.berth.junit.samples.FailingSample;
import dev.berth.junit.samples.GracefulSample;
import dev.berth.junit.samples.InjectionSample;
import dev.berth.junit.samples.NestedSample;
import dev.berth.junit.samples.NetworkVolumeSample;
import dev.berth.junit.samples.NoEngineSamples;
import dev.berth.junit.samples.OrderSample;
import dev.berth.junit.samples.ParallelASample;
import dev.berth.junit.samples.ParallelBSample;
import dev.berth.junit.samples.ParallelProbe;
import dev.berth.junit.samples.ScopesSample;
import dev.berth.junit.testing.Images;
import dev.berth.junit.testing.Kit;
import dev.berth.network.Network;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The extension's behaviour, observed by running sample classes through JUnit (EngineTestKit: each run is a launcher
 * session of its own, hence a Berth session of its own) and checking what the real engine holds before and after.
 */
@ExtendWith(EngineExtension.class)
class BerthExtensionIT {

    private static boolean exists(Container c) {
        try {
            c.inspect();
            return true;
        } catch (ContainerNotFoundException gone) {
            return false;
        }
    }

    private static List<String> ids(java.util.Collection<String> seen, String prefix) {
        return seen.stream().filter(s -> s.startsWith(prefix + " ")).map(s -> s.substring(prefix.length() + 1))
                .distinct().toList();
    }

    @Test
    void staticFixturesLiveForTheClass_instanceFixturesForOneTest(Engine engine) {
        ScopesSample.SEEN.clear();
        Kit.run(ScopesSample.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        List<String> shared = ids(ScopesSample.SEEN, "static");
        List<String> own = ids(ScopesSample.SEEN, "instance");
        assertThat(shared).hasSize(1).containsExactlyElementsOf(ids(ScopesSample.SEEN, "beforeAll"));
        assertThat(own).hasSize(2).doesNotContainAnyElementsOf(shared);
        for (String id : List.of(shared.get(0), own.get(0), own.get(1))) {
            assertThat(exists(new Container(engine, id, null))).as("removed after its scope: " + id).isFalse();
        }
    }

    @Test
    void independentFixturesStartInParallel_dependentsAfterThem() {
        OrderSample.STARTED.clear();
        OrderSample.READY.clear();
        Kit.run(OrderSample.class).testEvents().assertStatistics(s -> s.succeeded(1));

        Map<String, java.time.Instant> started = OrderSample.STARTED;
        Map<String, java.time.Instant> ready = OrderSample.READY;
        // Engine timestamps: a and b were both started before either was ready (each takes a second), so their
        // starts overlapped; c, which depends on both, was started only after both were ready.
        assertThat(started.get("b")).isBefore(ready.get("a"));
        assertThat(started.get("a")).isBefore(ready.get("b"));
        assertThat(started.get("c")).isAfter(ready.get("a")).isAfter(ready.get("b"));
    }

    @Test
    void networkAndVolumeFixtures_areCreatedBeforeTheContainerThatUsesThem_andRemovedAfter(Engine engine) {
        NetworkVolumeSample.IDS.clear();
        Kit.run(NetworkVolumeSample.class).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(exists(new Container(engine, NetworkVolumeSample.IDS.get("container"), null))).isFalse();
        assertThat(new Network(engine, NetworkVolumeSample.IDS.get("network"), null).exists()).isFalse();
        assertThat(new Volume(engine, NetworkVolumeSample.IDS.get("volume")).exists()).isFalse();
    }

    @Test
    void composeFixture_fromTheClasspath_isUpForTheClassAndDownAfter(Engine engine) {
        ComposeSample.PROJECTS.clear();
        Kit.run(ComposeSample.class).testEvents().assertStatistics(s -> s.succeeded(1));

        String project = ComposeSample.PROJECTS.peek();
        assertThat(engine.containers().all().label("com.docker.compose.project", project).ids()).isEmpty();
        assertThat(engine.networks().label("com.docker.compose.project", project).ids()).isEmpty();
    }

    @Test
    void aFailedTest_carriesTheLastLogLinesOfTheContainersInScope() {
        EngineExecutionResults results = Kit.run(FailingSample.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();

        assertThat(failure).isInstanceOf(AssertionError.class);
        List<FixtureLogs> logs = Arrays.stream(failure.getSuppressed()).filter(FixtureLogs.class::isInstance)
                .map(FixtureLogs.class::cast).toList();
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).logs()).isEqualTo("line 5\nline 6\nline 7\nline 8\nmarker-4711\n"); // logLines = 5
        List<ReportEntry> entries = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).toList();
        assertThat(entries).anySatisfy(e -> assertThat(e.getKeyValuePairs().values())
                .anySatisfy(v -> assertThat(v).contains("marker-4711")));
    }

    @Test
    void withoutAnEngine_failsByDefault_andSkipsWhenAsked() {
        Map<String, String> nowhere = Map.of("berth.engine.host", "unix:///nonexistent/berth-" + Names.unique("x") + ".sock");

        EngineExecutionResults skipped = Kit.run(nowhere, NoEngineSamples.Skips.class);
        skipped.containerEvents().skipped().assertThatEvents().hasSize(1);
        Event skip = skipped.containerEvents().skipped().stream().findFirst().orElseThrow();
        assertThat(skip.getPayload(String.class).orElseThrow()).contains("disabledWithoutEngine", "Cannot connect");
        skipped.testEvents().assertStatistics(s -> s.started(0));

        EngineExecutionResults failed = Kit.run(nowhere, NoEngineSamples.Fails.class);
        failed.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(EngineUnavailableException.class), message(m -> m.contains("Cannot connect"))));
    }

    @Test
    void stopIsGraceful_theContainerGetsSigtermAndItsGracePeriod(Engine engine) {
        Volume notes = engine.volume(Names.unique("graceful-notes")).create();
        try {
            System.setProperty("berth.sample.volume", notes.name());
            Kit.run(GracefulSample.class).testEvents().assertStatistics(s -> s.succeeded(1));
            String note = engine.container(Images.BUSYBOX).volume(notes.name(), "/notes").command("cat", "/notes/stop")
                    .attached().output(l -> System.setProperty("berth.sample.note", l.text())).run() == 0
                    ? System.getProperty("berth.sample.note") : "no note";
            assertThat(note).isEqualTo("got SIGTERM");
        } finally {
            System.clearProperty("berth.sample.volume");
            System.clearProperty("berth.sample.note");
            notes.remove();
        }
    }

    @Test
    void parallelClassesAndMethods_runTheirFixturesConcurrently() {
        ParallelProbe.reset();
        Map<String, String> parallel = Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");
        Kit.run(parallel, ParallelASample.class, ParallelBSample.class).testEvents()
                .assertStatistics(s -> s.succeeded(ParallelProbe.TESTS).failed(0));

        // All four tests met at the barrier, so they ran at once; each class had one static container, each test its own.
        List<String[]> seen = ParallelProbe.SEEN.stream().map(s -> s.split(" ")).toList();
        assertThat(seen).hasSize(4);
        assertThat(seen.stream().map(s -> s[0] + s[2]).distinct()).hasSize(2);
        assertThat(seen.stream().map(s -> s[3]).distinct()).hasSize(4);
        assertThat(seen.stream().map(s -> s[4]).distinct()).as("threads").hasSize(4);
    }

    @Test
    void parameters_areMatchedByAnnotation_andAnAmbiguousOneFailsNamingTheCandidates() {
        InjectionSample.IDS.clear();
        EngineExecutionResults results = Kit.run(InjectionSample.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(InjectionSample.IDS).containsOnlyKeys("second");
        results.testEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class),
                message(m -> m.contains("several are in scope; name one with @Managed(\"field\")")
                        && m.contains("first") && m.contains("second"))));
    }

    @Test
    void nestedClasses_seeTheOuterClassesFixtures(Engine engine) {
        NestedSample.SEEN.clear();
        Kit.passes(1, NestedSample.class);
        assertThat(NestedSample.SEEN).hasSize(2)
                .allSatisfy(id -> assertThat(exists(new Container(engine, id, null))).isFalse());
    }

    @Test
    void afterTheRun_nothingOfItsSessionIsLeft_heartbeatIncluded(Engine engine) {
        ScopesSample.SEEN.clear();
        Kit.run(ScopesSample.class).testEvents().assertStatistics(s -> s.succeeded(2));

        String session = ids(ScopesSample.SEEN, "session").get(0);
        assertThat(engine.containers().all().label(Labels.SESSION, session).ids()).isEmpty();
        assertThat(engine.networks().label(Labels.SESSION, session).ids()).isEmpty();
        assertThat(engine.volumes().label(Labels.SESSION, session).names()).isEmpty();
    }
}
