package dev.berth.bench;

import dev.berth.Engine;
import dev.berth.container.Container;

/** Child JVM: connect from the environment, run one container, report it running, clean up. */
public final class FirstContainerBerth {
    private FirstContainerBerth() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.fromEnv()) {
            Container c = engine.container(LifecycleBenchmark.IMAGE).command("sleep", "30").detached().run();
            System.out.println("RUNNING " + c.id());
            System.out.flush();
            c.close();
        }
    }
}
