package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.examples.support.Console;
import dev.berth.examples.support.Walkthroughs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a walk-through the way its {@code main} does, on a plain console whose output is kept (and written to
 * {@code target/walkthroughs/NAME.txt} for reading after the build), then checks that the walk-through removed every
 * container, network and volume its engine session created.
 */
final class Transcript {
    /** Longer than the slowest cold run measured (about 3 minutes, images built from the mirror), with room. */
    static final Duration LIMIT = Duration.ofMinutes(12);

    private Transcript() {
    }

    /**
     * Runs {@code body} on {@code engine}; returns everything it printed. A walk-through that has not finished after
     * {@link #LIMIT} (an engine that stopped answering, e.g. a push that never completes) fails the test instead of
     * hanging the build: the session's containers are removed, which ends what the engine was doing for it.
     */
    static String run(Engine engine, String name, Walkthroughs.Body body) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "walkthrough-" + name));
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Future<?> run = thread.submit(() -> {
                body.run(engine, Console.plain(out));
                return null;
            });
            try {
                run.get(LIMIT.toMinutes(), TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                engine.cleanup();
                throw new AssertionError(name + " did not finish within " + LIMIT.toMinutes() + " minutes; its"
                        + " containers were removed to end it. Output so far:\n" + bytes.toString(StandardCharsets.UTF_8));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception x) {
                    throw x;
                }
                throw new AssertionError(e.getCause());
            } finally {
                save(name, bytes.toString(StandardCharsets.UTF_8));
            }
        } finally {
            thread.shutdownNow();
        }
        assertNothingLeft(engine);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** No container, network or volume of the engine's session is left. */
    static void assertNothingLeft(Engine engine) {
        List<String> left = new ArrayList<>();
        engine.containers().all().ownSession().list().forEach(c -> left.add("container " + c.name()));
        engine.networks().ownSession().list().forEach(n -> left.add("network " + n.name()));
        engine.volumes().ownSession().list().forEach(v -> left.add("volume " + v.name()));
        assertThat(left).as("resources the walk-through left behind").isEmpty();
    }

    private static void save(String name, String text) {
        try {
            Path dir = Path.of("target", "walkthroughs");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
