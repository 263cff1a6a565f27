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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a walk-through the way its {@code main} does, on a plain console whose output is kept (and written to
 * {@code target/walkthroughs/NAME.txt} for reading after the build), then checks that the walk-through removed every
 * container, network and volume its engine session created.
 */
final class Transcript {
    private Transcript() {
    }

    /** Runs {@code body} on {@code engine}; returns everything it printed. */
    static String run(Engine engine, String name, Walkthroughs.Body body) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            try {
                body.run(engine, Console.plain(out));
            } finally {
                save(name, bytes.toString(StandardCharsets.UTF_8));
            }
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
