package dev.berth.examples.support;

import dev.berth.compose.ComposeEvent;
import dev.berth.image.BuildEvent;
import dev.berth.image.PullProgress;
import dev.berth.image.PushProgress;
import dev.berth.swarm.ServiceProgress;
import dev.berth.swarm.Task;
import dev.berth.swarm.TaskChange;
import dev.berth.swarm.TaskState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress adapters, in plain mode (what a log shows) and in the lines a terminal shows. */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Console plain = Console.plain(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void layers_plainPrintsOneLinePerLayerState_likeDockerPullWithoutATerminal() {
        Block b = plain.block("docker pull demo");
        Consumer<dev.berth.image.LayerProgress> p = Progress.layers(b);
        p.accept(pull("", "Pulling from library/demo", 0, 0));
        p.accept(pull("a1b2c3d4e5f6", "Pulling fs layer", 0, 0));
        p.accept(pull("a1b2c3d4e5f6", "Downloading", 1_000_000, 4_000_000));
        p.accept(pull("a1b2c3d4e5f6", "Downloading", 2_000_000, 4_000_000));
        p.accept(pull("a1b2c3d4e5f6", "Pull complete", 0, 0));
        p.accept(pull("", "Digest: sha256:abc", 0, 0));
        assertThat(printed()).isEqualTo("docker pull demo\nPulling from library/demo\na1b2c3d4e5f6: Pulling fs layer\n"
                + "a1b2c3d4e5f6: Downloading\na1b2c3d4e5f6: Pull complete\nDigest: sha256:abc\n");
    }

    @Test
    void layers_terminalShowsABarWithSizes_andPushLinesNameTheTag() {
        Block b = Console.live(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 120)
                .block("docker push r/demo:1");
        Consumer<dev.berth.image.LayerProgress> p = Progress.layers(b);
        p.accept(new PushProgress(Optional.of("a1b2c3d4e5f6"), "Pushing", 1_200_000, 3_400_000));
        p.accept(new PushProgress(Optional.empty(), "1: digest: sha256:abc size: 528", 0, 0));
        // 1.2 of 3.4 MB is 35 %: 11 of the bar's 30 columns
        assertThat(b.render(120)).containsExactly("docker push r/demo:1",
                " a1b2c3d4e5f6: Pushing  [" + "=".repeat(10) + ">" + " ".repeat(19) + "] 1.2MB/3.4MB",
                "    1: digest: sha256:abc size: 528");
    }

    @Test
    void bar_andHumanSizes_asTheDockerCliPrintsThem() {
        assertThat(Progress.bar(0, 10)).isEqualTo("[" + " ".repeat(30) + "] 0B/10B");
        assertThat(Progress.bar(10, 10)).isEqualTo("[" + "=".repeat(30) + "] 10B/10B");
        assertThat(Progress.bar(15, 10)).as("the engine may report more than the size").endsWith("10B/10B");
        assertThat(Progress.human(999)).isEqualTo("999B");
        assertThat(Progress.human(1000)).isEqualTo("1kB");
        assertThat(Progress.human(12_345_678)).isEqualTo("12.3MB");
        assertThat(Progress.human(1_049_000_000)).isEqualTo("1.05GB");
    }

    @Test
    void build_plainPrintsStepsAndOutput_withoutColourCodesOrCarriageReturnStates() {
        Block b = plain.block("Building demo");
        Consumer<BuildEvent> p = Progress.build(b);
        p.accept(new BuildEvent.StepStarted(1, 2, "FROM base"));
        p.accept(new BuildEvent.Output(" ---> 1234"));
        p.accept(new BuildEvent.StepStarted(2, 2, "RUN apt-get install x"));
        p.accept(new BuildEvent.Output("\u001b[91mdebconf: delaying package configuration\u001b[0m"));
        p.accept(new BuildEvent.Output("(Reading database ... 5%\r(Reading database ... 100%"));
        p.accept(new BuildEvent.ImageBuilt("sha256:0123456789abcdef"));
        assertThat(printed()).isEqualTo("Building demo\nStep 1/2 : FROM base\n ---> 1234\nStep 2/2 : RUN apt-get install x\n"
                + "debconf: delaying package configuration\n(Reading database ... 100%\n");
    }

    @Test
    void build_terminalShowsEachStepWithItsTime_andCachedSteps() {
        Block b = Console.live(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 120)
                .block("Building demo");
        Consumer<BuildEvent> p = Progress.build(b);
        p.accept(new BuildEvent.StepStarted(1, 2, "FROM base"));
        p.accept(new BuildEvent.StepStarted(2, 2, "RUN make"));
        p.accept(new BuildEvent.Output(" ---> Using cache"));
        List<String> lines = b.render(120);
        assertThat(lines.get(1)).matches(" => \\[1/2] FROM base \\d+\\.\\ds");
        assertThat(lines.get(2)).matches(" => CACHED \\[2/2] RUN make \\d+\\.\\ds");
        assertThat(lines).last().isEqualTo("     ---> Using cache");
    }

    @Test
    void compose_plainPrintsComposeLines_buildOutputAsNotes() {
        Block b = plain.block("[+] Running");
        Consumer<ComposeEvent> p = Progress.compose(b);
        p.accept(new ComposeEvent("Service", "web", "Building", ""));
        p.accept(new ComposeEvent("Service", "web", "Building", "Step 1/3 : FROM x"));
        p.accept(new ComposeEvent("Container", "demo-web-1", "Started", ""));
        p.accept(new ComposeEvent("Container", "demo-web-1", "Started", ""));
        assertThat(printed()).isEqualTo("[+] Running\n Service web  Building\nStep 1/3 : FROM x\n"
                + " Container demo-web-1  Started\n");
    }

    @Test
    void compose_terminalMarksDoneAndRunningStates() {
        Block b = Console.live(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 120)
                .block("[+] Running");
        Consumer<ComposeEvent> p = Progress.compose(b);
        p.accept(new ComposeEvent("Container", "demo-db-1", "Waiting", ""));
        p.accept(new ComposeEvent("Container", "demo-web-1", "Started", ""));
        assertThat(b.render(120)).containsExactly("[+] Running", " ⠿ Container demo-db-1  Waiting",
                " ✔ Container demo-web-1  Started");
    }

    @Test
    void swarm_showsOverallProgressAndOneLinePerSlot_likeDockerServiceCreate() {
        Block b = plain.block("web");
        Consumer<ServiceProgress> p = Progress.swarm(b);
        p.accept(new ServiceProgress("web", 1, 3, List.of(change(1, TaskState.RUNNING), change(2, TaskState.PREPARING)),
                Optional.empty()));
        p.accept(new ServiceProgress("web", 2, 3, List.of(change(2, TaskState.RUNNING)), Optional.empty()));
        assertThat(printed()).isEqualTo("web\noverall progress: 1 out of 3 tasks\n1/3: running\n2/3: preparing\n"
                + "overall progress: 2 out of 3 tasks\n2/3: running\n");
        assertThat(b.render(200)).anySatisfy(l -> assertThat(l).matches(" 2/3: running +\\[={30}]"));
    }

    private static PullProgress pull(String id, String status, long current, long total) {
        return new PullProgress(id.isEmpty() ? Optional.empty() : Optional.of(id), status, current, total);
    }

    private static TaskChange change(int slot, TaskState state) {
        Task t = new Task("task" + slot, "svc", "web", slot, Optional.of("node"), TaskState.RUNNING, state, "",
                Optional.empty(), Optional.empty(), Optional.empty(), Instant.EPOCH, Instant.EPOCH, "img", Map.of(),
                List.of());
        return new TaskChange(t, Optional.empty());
    }
}
