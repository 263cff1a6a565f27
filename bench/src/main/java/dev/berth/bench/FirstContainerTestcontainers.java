package dev.berth.bench;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** Child JVM: the same with Testcontainers 2.0.5 (TESTCONTAINERS_RYUK_DISABLED=true set by the harness). */
public final class FirstContainerTestcontainers {
    private FirstContainerTestcontainers() {
    }

    public static void main(String[] args) {
        try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(LifecycleBenchmark.IMAGE))
                .withCommand("sleep", "30")) {
            c.start();
            System.out.println("RUNNING " + c.getContainerId());
            System.out.flush();
        }
    }
}
