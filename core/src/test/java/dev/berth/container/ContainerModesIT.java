package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Detached, attached and interactive runs, as {@code docker run -d}, {@code docker run} and {@code docker run -it}. */
@ExtendWith(EngineExtension.class)
class ContainerModesIT {

    @Test
    void attached_streamsBothStreamsAndReturnsExitCode(Engine engine) {
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        int code = engine.container(TestImages.BUSYBOX)
                .command("sh", "-c", "echo one; echo two >&2; printf 'no-newline'; exit 7")
                .attached().output(lines::add).run();
        assertThat(code).isEqualTo(7);
        assertThat(lines).filteredOn(l -> l.source() == LogSource.STDOUT).extracting(LogLine::text)
                .containsExactly("one", "no-newline");
        assertThat(lines).filteredOn(l -> l.source() == LogSource.STDERR).extracting(LogLine::text)
                .containsExactly("two");
        assertThat(engine.containers().all().ownSession().list()).as("attached runs remove their container").isEmpty();
    }

    @Test
    void run_withoutAConsumer_printsToThisProcesssStdoutAndStderr(Engine engine) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream capturedOut = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream capturedErr = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new java.io.PrintStream(capturedOut, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(capturedErr, true, java.nio.charset.StandardCharsets.UTF_8));
            // docker run IMAGE sh -c '…': the container's stdout and stderr go to the console's
            code = engine.container(TestImages.BUSYBOX).command("sh", "-c", "echo to-out; echo to-err >&2; exit 3").run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(code).isEqualTo(3);
        assertThat(capturedOut.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("to-out").doesNotContain("to-err");
        assertThat(capturedErr.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("to-err").doesNotContain("to-out");
    }

    @Test
    void attached_interrupt_stopsTheContainer(Engine engine) throws Exception {
        String name = Names.unique("interrupted");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread runner = new Thread(() -> {
            try {
                engine.container(TestImages.BUSYBOX).name(name).init()
                        .command("sh", "-c", "echo started; sleep 300").attached().keep()
                        .output(l -> seen.add(l.text())).run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        for (int i = 0; i < 100 && !seen.contains("started"); i++) {
            Thread.sleep(50);
        }
        assertThat(seen).contains("started");
        // The process prints before the engine answers the start call, so the interrupt lands either while the
        // thread waits for that answer or while it waits for the exit: both must stop the container and say so.
        runner.interrupt();
        runner.join(20_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(BerthException.class).hasMessageContaining("stopped");
        try (Container c = engine.containers().get(name)) {
            assertThat(c.state()).isEqualTo(ContainerState.EXITED);
        }
    }

    @Test
    void attached_onAnInterruptedThread_failsAtOnce_leavesNothing_andKeepsTheInterruptStatus(Engine engine) {
        String name = Names.unique("pre-interrupted");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).name(name).command("true").attached().run())
                    .isInstanceOf(BerthException.class).hasMessageContaining("Interrupted")
                    .hasMessageContaining(name);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(engine.containers().all().name(name).list()).isEmpty();
    }

    @Test
    void interactive_shellThroughATty(Engine engine) throws Exception {
        try (InteractiveSession s = engine.container(TestImages.BUSYBOX).command("sh").interactive().run()) {
            s.resize(40, 120);
            s.stdin().write("stty size; echo answer-$((6*7)); exit 5\n".getBytes(StandardCharsets.UTF_8));
            s.stdin().flush();
            String screen = readUntil(s.stdout(), "answer-42", Duration.ofSeconds(10));
            assertThat(screen).contains("40 120").contains("answer-42");
            assertThat(s.waitFor(Duration.ofSeconds(10))).isEqualTo(5);
            assertThat(s.container().inspect().state()).isEqualTo(ContainerState.EXITED);
        }
    }

    @Test
    void detached_returnsHandleOfRunningContainer(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("sleep", "60").detached().run()) {
            assertThat(c.isRunning()).isTrue();
        }
    }

    private static String readUntil(InputStream in, String marker, Duration timeout) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> {
            byte[] buf = new byte[1024];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    seen.write(buf, 0, n);
                    String text = seen.toString(StandardCharsets.UTF_8);
                    // The TTY echoes our input; wait for the command's own output line.
                    if (text.replace("answer-$((6*7))", "").contains(marker)) {
                        return text;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return seen.toString(StandardCharsets.UTF_8);
        });
        return f.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
