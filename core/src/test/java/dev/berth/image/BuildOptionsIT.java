package dev.berth.image;

import dev.berth.Engine;
import dev.berth.ImageBuildException;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every `docker build` option BuildSpec offers, typed build events, and failures naming the step (legacy builder). */
@ExtendWith(EngineExtension.class)
class BuildOptionsIT {
    private static final String RUN_LABEL = "dev.berth.test.run";
    private Engine engine;
    private String run;

    @BeforeEach
    void setUp(Engine engine) {
        this.engine = engine;
        this.run = Names.unique("build");
    }

    @AfterEach
    void removeImages() {
        engine.images().label(RUN_LABEL, run).remove(ImageRemoveOption.FORCE);
    }

    private BuildSpec.Builder spec(String dockerfile) {
        return BuildSpec.builder().dockerfile(dockerfile).label(RUN_LABEL, run);
    }

    private String tag(String name) {
        return "berth-test/" + run + "-" + name + ":1";
    }

    private String output(String image, String... command) {
        StringBuilder out = new StringBuilder();
        int code = engine.container(image).command(command).attached()
                .output(l -> out.append(l.text()).append('\n')).run();
        assertThat(code).as("exit code; output: %s", out).isZero();
        return out.toString();
    }

    @Test
    void directoryContext_appliesDockerignore_withReinclusion_asDockerBuild(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/a.log"), "x");
        Files.writeString(dir.resolve("logs/keep.log"), "kept");
        Files.writeString(dir.resolve("app.txt"), "app");
        Files.writeString(dir.resolve("secret.env"), "TOKEN=x");
        Files.writeString(dir.resolve(".dockerignore"), "logs/*.log\n!logs/keep.log\n*.env\nDockerfile\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\nCOPY . /ctx/\n");
        engine.build(BuildSpec.builder().context(dir).tag(tag("ignore")).label(RUN_LABEL, run).build());
        String listing = output(tag("ignore"), "find", "/ctx", "-type", "f");
        assertThat(listing.lines().sorted().toList())
                .containsExactly("/ctx/.dockerignore", "/ctx/app.txt", "/ctx/logs/keep.log");
    }

    @Test
    void dockerfileOutsideContext_withInMemoryAndHostFiles(@TempDir Path dir) throws IOException {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve("fromdir.txt"), "dir\n");
        Path script = Files.writeString(dir.resolve("hello.sh"), "#!/bin/sh\necho hello from host\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dockerfile = Files.writeString(dir.resolve("build.Dockerfile"), "FROM " + TestImages.BUSYBOX + "\n"
                + "COPY fromdir.txt memory.txt /data/\nCOPY bin/hello.sh /usr/local/bin/hello\nCMD [\"hello\"]\n");
        engine.build(BuildSpec.builder().context(ctx).dockerfile(dockerfile).file("memory.txt", "memory\n")
                .file("bin/hello.sh", script).tag(tag("files")).label(RUN_LABEL, run).build());
        assertThat(output(tag("files"))).isEqualTo("hello from host\n");
        assertThat(output(tag("files"), "cat", "/data/fromdir.txt", "/data/memory.txt")).isEqualTo("dir\nmemory\n");
    }

    @Test
    void buildArg_overridesArgDefault_whileEnvIsKept_asTheSeedShows() {
        String df = "FROM " + TestImages.BUSYBOX + "\nARG VERSION=1.0\nENV MODE=prod\n"
                + "RUN echo \"$VERSION\" > /version\nCMD cat /version && echo \"$MODE $VERSION\"\n";
        engine.build(spec(df).tag(tag("default")).build());
        engine.build(spec(df).tag(tag("override")).buildArg("VERSION", "2.5").build());
        assertThat(output(tag("default"))).isEqualTo("1.0\nprod \n");
        assertThat(output(tag("override"))).isEqualTo("2.5\nprod \n");
    }

    @Test
    void unusedBuildArg_isReportedAsOutput_asTheLegacyBuilderWarns() {
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        engine.build(spec("FROM " + TestImages.BUSYBOX + "\n").buildArg("UNUSED", "x").events(events::add).build());
        assertThat(events).anyMatch(e -> e instanceof BuildEvent.Output o && o.line().contains("[UNUSED]"));
    }

    @Test
    void target_buildsOnlyUpToThatStage_andExtraTagsAllPointAtTheResult() {
        String df = "FROM " + TestImages.BUSYBOX + " AS builder\nRUN echo built > /artifact\n"
                + "FROM " + TestImages.BUSYBOX + " AS final\nCOPY --from=builder /artifact /artifact\n"
                + "RUN echo final > /final\n";
        Image builder = engine.build(spec(df).target("builder").tag(tag("builder")).tag(tag("builder-alias")).build());
        assertThat(output(tag("builder"), "ls", "/")).doesNotContain("final").contains("artifact");
        assertThat(engine.image(tag("builder-alias")).id()).isEqualTo(builder.id());
        engine.build(spec(df).tag(tag("final")).build());
        assertThat(output(tag("final"), "cat", "/artifact", "/final")).isEqualTo("built\nfinal\n");
    }

    @Test
    void noCache_rebuildsEveryStep_whileTheDefaultUsesTheCache() {
        String df = "FROM " + TestImages.BUSYBOX + "\nRUN echo " + run + " > /cached\n";
        engine.build(spec(df).tag(tag("cache")).build());
        List<String> cached = new CopyOnWriteArrayList<>();
        engine.build(spec(df).tag(tag("cache")).output(cached::add).build());
        assertThat(cached).anyMatch(l -> l.contains("Using cache"));
        List<String> fresh = new CopyOnWriteArrayList<>();
        engine.build(spec(df).tag(tag("cache")).noCache().output(fresh::add).build());
        assertThat(fresh).noneMatch(l -> l.contains("Using cache")).anyMatch(l -> l.contains("Running in"));
    }

    @Test
    void networkNone_runStepsSeeOnlyLoopback_asDockerBuildNetwork() {
        String df = "FROM " + TestImages.BUSYBOX + "\nRUN ls /sys/class/net > /nets\n";
        engine.build(spec(df).noCache().network("none").tag(tag("none")).build());
        engine.build(spec(df).noCache().network("bridge").tag(tag("bridge")).build());
        assertThat(output(tag("none"), "cat", "/nets").lines().toList()).containsExactly("lo");
        assertThat(output(tag("bridge"), "cat", "/nets").lines().toList()).contains("lo", "eth0");
    }

    @Test
    void platform_ofTheEngine_isAccepted() {
        Image image = engine.build(spec("FROM " + TestImages.BUSYBOX + "\nRUN true\n")
                .platform("linux/" + engine.version().arch()).tag(tag("platform")).build());
        assertThat(image.inspect().architecture()).isEqualTo(engine.version().arch());
    }

    @Test
    void events_areTyped_andInOrder() {
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        Image image = engine.build(spec("FROM " + TestImages.BUSYBOX + "\nRUN echo line-one && echo line-two\n")
                .noCache().tag(tag("events")).tag(tag("events2")).events(events::add).build());
        List<BuildEvent.StepStarted> steps = events.stream().filter(e -> e instanceof BuildEvent.StepStarted)
                .map(e -> (BuildEvent.StepStarted) e).toList();
        // FROM, RUN, then one LABEL step per label (the caller's and Berth's two), counted by the engine.
        assertThat(steps).extracting(BuildEvent.StepStarted::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(steps).allMatch(s -> s.total() == 5);
        assertThat(steps.get(1).instruction()).isEqualTo("RUN echo line-one && echo line-two");
        assertThat(steps.subList(2, 5)).allMatch(s -> s.instruction().startsWith("LABEL "));
        assertThat(events).containsSubsequence(steps.get(1), new BuildEvent.Output("line-one"),
                new BuildEvent.Output("line-two"), steps.get(2));
        assertThat(events).filteredOn(e -> e instanceof BuildEvent.ImageBuilt).singleElement()
                .isEqualTo(new BuildEvent.ImageBuilt(image.id()));
        assertThat(events).filteredOn(e -> e instanceof BuildEvent.Tagged).extracting(e -> ((BuildEvent.Tagged) e)
                .reference()).containsExactlyInAnyOrder(tag("events"), tag("events2"));
        assertThat(events).noneMatch(e -> e instanceof BuildEvent.Failed);
    }

    @Test
    void missingCopySource_failsAtTheCopyStep_namingTheFile() {
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> engine.build(spec("FROM " + TestImages.BUSYBOX + "\nRUN echo before\n"
                + "COPY missing-" + run + ".txt /x\n").events(events::add).build()))
                .isInstanceOfSatisfying(ImageBuildException.class, e -> {
                    assertThat(e.step()).startsWith("Step 3/").endsWith(" : COPY missing-" + run + ".txt /x");
                    assertThat(e.error()).contains("missing-" + run + ".txt");
                    assertThat(e.output()).contains("before");
                    assertThat(e.getMessage()).contains(e.step()).contains("fix the Dockerfile or the build context");
                });
        assertThat(events.get(events.size() - 1)).isInstanceOf(BuildEvent.Failed.class);
    }

    @Test
    void badBaseImage_failsAtStepOne_namingTheImage() {
        String base = TestRegistries.repository(TestRegistries.plain(), "nobase") + ":1";
        assertThatThrownBy(() -> engine.build(spec("FROM " + base + "\nRUN true\n").build()))
                .isInstanceOfSatisfying(ImageBuildException.class, e -> {
                    assertThat(e.step()).startsWith("Step 1/").endsWith(" : FROM " + base);
                    assertThat(e.error()).contains(base.substring(0, base.lastIndexOf(':'))).contains("not found");
                });
    }

    @Test
    void invalidReferenceInFrom_failsAtStepOne() {
        assertThatThrownBy(() -> engine.build(spec("FROM Not//Valid\n").build()))
                .isInstanceOfSatisfying(ImageBuildException.class, e -> {
                    assertThat(e.step()).startsWith("Step 1/").endsWith("FROM Not//Valid");
                    assertThat(e.error()).containsIgnoringCase("invalid reference format");
                });
    }

    @Test
    void dockerfileSyntaxError_failsBeforeAnyStep_withTheEnginesLineNumber() {
        assertThatThrownBy(() -> engine.build(spec("FROM " + TestImages.BUSYBOX + "\nNOTANINSTRUCTION x\n").build()))
                .isInstanceOfSatisfying(ImageBuildException.class, e -> {
                    assertThat(e.step()).isNull();
                    assertThat(e.error()).containsIgnoringCase("unknown instruction").contains("line 2");
                });
    }
}
