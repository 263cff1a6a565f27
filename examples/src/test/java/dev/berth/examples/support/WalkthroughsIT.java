package dev.berth.examples.support;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.container.Container;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A walk-through's {@code main} stopped half-way — SIGTERM, or Ctrl+C's SIGINT, both run the JVM's shutdown hooks —
 * still removes what its engine session made.
 */
class WalkthroughsIT {

    /** A walk-through that starts a container, says so, and waits to be interrupted. */
    public static final class Interrupted {
        private Interrupted() {
        }

        public static void main(String[] args) throws Exception {
            Walkthroughs.main("interrupted", (engine, out) -> {
                Container c = engine.container(args[0]).name(args[1]).command("sleep", "300").detached().run();
                out.println("started " + c.name());
                Thread.sleep(120_000);
            });
        }
    }

    @Test
    void interruptedWalkthrough_removesTheContainersItsSessionMade() throws Exception {
        String name = Names.unique("berth-interrupted");
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String image = TestImages.busybox(engine);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Interrupted.class.getName(), image, name)
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && !line.equals("started " + name)) {
                    // the child's banner lines; the loop ends at "started …" or when the child dies
                }
                assertThat(line).as("the child's output ended before it started its container").isNotNull();
                assertThat(engine.containers().name(name).list()).hasSize(1);
                child.destroy(); // SIGTERM
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(engine.containers().all().name(name).list()).as("removed by the shutdown hook").isEmpty();
        }
    }
}
