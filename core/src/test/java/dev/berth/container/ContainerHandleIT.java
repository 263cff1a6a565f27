package dev.berth.container;

import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.image.Image;
import dev.berth.image.ImageInfo;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.wait.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What a {@link Container} handle does to a real container, checked against the engine. */
@ExtendWith(EngineExtension.class)
class ContainerHandleIT {

    private static Container sleeper(Engine engine) {
        // --init: PID 1 is an init that forwards signals, so SIGTERM ends sleep as it would any process.
        return engine.container(TestImages.BUSYBOX).init().command("sleep", "300").detached().run();
    }

    @Test
    void lifecycle_pauseUnpauseRestartKillRename(Engine engine) {
        try (Container c = sleeper(engine)) {
            c.pause();
            assertThat(c.state()).isEqualTo(ContainerState.PAUSED);
            c.unpause();
            assertThat(c.state()).isEqualTo(ContainerState.RUNNING);
            Instant started = c.inspect().startedAt().orElseThrow();
            c.restart(Duration.ZERO);
            assertThat(c.inspect().startedAt().orElseThrow()).isAfter(started);
            c.kill("SIGTERM");
            assertThat(c.await(Duration.ofSeconds(10))).isEqualTo(143);
            String newName = Names.unique("renamed");
            Container renamed = c.rename(newName);
            assertThat(renamed.name()).isEqualTo(newName);
            assertThat(c.inspect().name()).isEqualTo(newName);
            c.start();
            assertThat(c.isRunning()).isTrue();
        }
    }

    @Test
    void remove_force_killsRunningContainer(Engine engine) {
        Container c = sleeper(engine);
        c.remove(RemoveOption.FORCE);
        assertThat(engine.containers().all().find(c.id())).isEmpty();
    }

    @Test
    void await_returnsExitCode(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", "exit 42").detached().run()) {
            assertThat(c.await()).isEqualTo(42);
            assertThat(c.inspect().exitCode()).isEqualTo(42);
        }
    }

    @Test
    void logs_tailTimestampsAndStreamsApart(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX)
                .command("sh", "-c", "for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; done").detached().run()) {
            c.await();
            Logs all = c.logs().fetch();
            assertThat(all.stdout()).isEqualTo("out1\nout2\nout3\nout4\nout5\n");
            assertThat(all.stderr()).isEqualTo("err1\nerr2\nerr3\nerr4\nerr5\n");
            assertThat(c.logs().stdoutOnly().fetch().stdout()).isEqualTo(all.stdout());
            assertThat(c.logs().stderrOnly().fetch().stdout()).isEmpty();
            List<LogLine> stamped = c.logs().timestamps().stderrOnly().fetch().lines();
            assertThat(stamped).hasSize(5).allSatisfy(l -> {
                assertThat(l.timestamp()).isPresent();
                assertThat(l.source()).isEqualTo(LogSource.STDERR);
            });
            assertThat(c.logs().since(Instant.now().plusSeconds(60)).fetch().lines()).isEmpty();
        }
    }

    @Test
    void logs_sinceAndUntil_keepTheLinesOfThatWindow(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX)
                .command("sh", "-c", "echo early; sleep 2.5; echo late; sleep 2.5; echo last").detached().run()) {
            c.await();
            Instant late = c.logs().timestamps().fetch().lines().stream().filter(l -> l.text().equals("late"))
                    .findFirst().orElseThrow().timestamp().orElseThrow();
            // docker logs --since/--until take nanoseconds (the CLI sends SECONDS.NANOS): a line written at `late`
            // is kept by since(late) and until(late), and dropped one nanosecond either side
            assertThat(c.logs().since(late).fetch().lines()).extracting(LogLine::text).containsExactly("late", "last");
            assertThat(c.logs().since(late.plusNanos(1)).fetch().lines()).extracting(LogLine::text)
                    .containsExactly("last");
            assertThat(c.logs().until(late).fetch().lines()).extracting(LogLine::text).containsExactly("early", "late");
            assertThat(c.logs().until(late.minusNanos(1)).fetch().lines()).extracting(LogLine::text)
                    .containsExactly("early");
            // and within one second, which whole-second timestamps could not tell apart
            Instant second = late.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            assertThat(c.logs().since(second).until(late.minusNanos(1)).fetch().lines()).isEmpty();
        }
    }

    @Test
    void logs_tail_returnsLastLines(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sh", "-c", "for i in 1 2 3 4 5; do echo l$i; done")
                .detached().run()) {
            c.await();
            assertThat(c.logs().tail(2).fetch().lines()).extracting(LogLine::text).containsExactly("l4", "l5");
        }
    }

    @Test
    void logs_follow_streamsNewLinesUntilClosed(Engine engine) throws Exception {
        try (Container c = engine.container(TestImages.BUSYBOX)
                .command("sh", "-c", "i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.1; done").detached().run()) {
            List<String> got = new CopyOnWriteArrayList<>();
            try (Subscription s = c.logs().follow(l -> got.add(l.text()))) {
                for (int i = 0; i < 100 && got.size() < 3; i++) {
                    Thread.sleep(50);
                }
            }
            assertThat(got).hasSizeGreaterThanOrEqualTo(3).startsWith("tick1", "tick2", "tick3");
            int afterClose = got.size();
            Thread.sleep(400);
            assertThat(got).as("closing the subscription stops the stream").hasSize(afterClose);
            try (LogStream stream = c.logs().tail(0).open()) {
                assertThat(stream.next(Duration.ofSeconds(5))).get().extracting(LogLine::text).asString()
                        .startsWith("tick");
            }
        }
    }

    @Test
    void logs_ofATtyContainer_comeRawAsStdout(Engine engine) {
        // docker run -t: the engine sends the output unframed; every line counts as stdout, with a CR from the TTY
        try (Container c = engine.container(TestImages.BUSYBOX).tty().command("sh", "-c", "echo out; echo err >&2")
                .detached().run()) {
            c.await();
            List<LogLine> lines = c.logs().fetch().lines();
            assertThat(lines).extracting(l -> l.text().strip()).containsExactly("out", "err");
            assertThat(lines).allSatisfy(l -> assertThat(l.source()).isEqualTo(LogSource.STDOUT));
        }
    }

    @Test
    void exec_envUserWorkdirTtyStdin(Engine engine) {
        try (Container c = sleeper(engine)) {
            ExecResult r = c.exec("sh", "-c", "echo $GREETING; id -u; pwd").env("GREETING", "hi there").user("65534")
                    .workdir("/tmp").run();
            assertThat(r.stdout()).isEqualTo("hi there\n65534\n/tmp\n");
            ExecResult tty = c.exec("sh", "-c", "tty >/dev/null && echo is-a-tty").tty().run();
            assertThat(tty.stdout()).isEqualTo("is-a-tty\r\n");
            ExecResult piped = c.exec("sh", "-c", "tr a-z A-Z").stdin("hello stdin\n").run(Duration.ofSeconds(10));
            assertThat(piped.stdout()).isEqualTo("HELLO STDIN\n");
            assertThat(piped.exitCode()).isZero();
        }
    }

    @Test
    void exec_streamingSession(Engine engine) throws Exception {
        try (Container c = sleeper(engine);
             ExecRequest.ExecSession s = c.exec("sh", "-c", "while read l; do echo got:$l; done; echo bye").interactive()
                     .start()) {
            s.stdin().write("a\nb\n".getBytes(StandardCharsets.UTF_8));
            s.stdin().flush();
            byte[] buf = new byte[7];
            int n = s.stdout().readNBytes(buf, 0, 7);
            assertThat(new String(buf, 0, n, StandardCharsets.UTF_8)).isEqualTo("got:a\ng");
            s.closeStdin();
            String rest = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rest).isEqualTo("ot:b\nbye\n");
            assertThat(s.waitFor()).isZero();
        }
    }

    @Test
    void attach_readsOutputAndWritesStdin(Engine engine) throws Exception {
        try (Container c = engine.container(TestImages.BUSYBOX).stdinOpen()
                .command("sh", "-c", "read line; echo echo:$line").detached().run();
             Attachment a = c.attach()) {
            a.stdin().write("from-java\n".getBytes(StandardCharsets.UTF_8));
            a.stdin().flush();
            InputStream out = a.stdout();
            assertThat(new String(out.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("echo:from-java\n");
            assertThat(c.await(Duration.ofSeconds(10))).isZero();
        }
    }

    @Test
    void copy_filesAndDirectoriesInAndOut(Engine engine, @TempDir Path dir) throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(dir.resolve("tree/a.txt"), "A\n");
        Files.writeString(tree.resolve("b.sh"), "#!/bin/sh\necho B\n");
        Files.setPosixFilePermissions(tree.resolve("b.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path single = Files.writeString(dir.resolve("single.txt"), "single\n");
        try (Container c = sleeper(engine)) {
            c.copyTo(dir.resolve("tree"), "/tmp");             // into an existing directory
            c.copyTo(dir.resolve("tree"), "/tmp/copied");      // as a new name
            c.copyTo(single, "/tmp/renamed.txt");              // a file under a new name
            ExecResult r = c.exec("sh", "-c", "cat /tmp/tree/a.txt; /tmp/tree/sub/b.sh; cat /tmp/copied/a.txt;"
                    + " cat /tmp/renamed.txt").run();
            assertThat(r.stdout()).isEqualTo("A\nB\nA\nsingle\n");

            c.exec("sh", "-c", "mkdir -p /data/x && echo in-x > /data/x/f && echo top > /data/t").run();
            Path outDir = Files.createDirectory(dir.resolve("out"));
            c.copyFrom("/data", outDir);                       // into an existing directory
            assertThat(Files.readString(outDir.resolve("data/x/f"))).isEqualTo("in-x\n");
            c.copyFrom("/data", dir.resolve("data-copy"));     // as a new name
            assertThat(Files.readString(dir.resolve("data-copy/t"))).isEqualTo("top\n");
            c.copyFrom("/tmp/tree/sub/b.sh", dir.resolve("b-out.sh"));
            assertThat(Files.isExecutable(dir.resolve("b-out.sh"))).isTrue();
        }
    }

    @Test
    void commit_createsImageWithChanges(Engine engine) {
        String ref = "berth-test/committed:" + Names.unique("t");
        try (Container c = sleeper(engine)) {
            c.exec("sh", "-c", "echo committed-data > /marker").run();
            Image image = c.commit(ref, CommitOptions.defaults().message("add marker").author("berth")
                    .change("ENV MODE=committed").change("CMD [\"cat\", \"/marker\"]"));
            try {
                ImageInfo info = image.inspect();
                assertThat(info.env()).contains("MODE=committed");
                assertThat(info.cmd()).containsExactly("cat", "/marker");
                StringBuilder out = new StringBuilder();
                engine.container(ref).attached().output(l -> out.append(l.text())).run();
                assertThat(out.toString()).isEqualTo("committed-data");
            } finally {
                image.remove(dev.berth.image.ImageRemoveOption.FORCE);
            }
        }
    }

    @Test
    void statsAndTop(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).memory("64m").command("sleep", "300").detached().run()) {
            ContainerStats stats = c.stats();
            assertThat(stats.memoryLimitBytes()).isEqualTo(64L * 1024 * 1024);
            assertThat(stats.memoryUsageBytes()).isPositive();
            assertThat(stats.pids()).isGreaterThanOrEqualTo(1);
            ProcessList top = c.top();
            assertThat(top.column("CMD")).anyMatch(cmd -> cmd.contains("sleep 300"));
        }
    }

    @Test
    void inspect_reportsIpPerNetworkAndPorts(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).publish(8080).command("sleep", "60").detached()
                .waitingFor(Wait.forLogMessage(".*").withTimeout(Duration.ofMillis(1))).run()) {
            throw new AssertionError("a log wait on a silent container must time out");
        } catch (dev.berth.WaitTimeoutException expected) {
            assertThat(expected.getMessage()).contains("log message").contains("last state");
        }
        try (Container c = engine.container(TestImages.BUSYBOX).publish(8080).command("sleep", "60").detached().run()) {
            ContainerInfo info = c.inspect();
            assertThat(info.networks()).containsKey("bridge");
            assertThat(info.networks().get("bridge").ipAddress()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            assertThat(info.hostPort(8080, Protocol.TCP)).isPresent();
        }
    }
}
