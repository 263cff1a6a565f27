package dev.berth.junit.samples;

import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.ServiceContainer;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Fixtures;
import dev.berth.junit.Managed;
import org.junit.jupiter.api.Test;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** A Compose project from a file on the test classpath, brought up for the class under a unique project name. */
@BerthTest
public class ComposeSample {
    public static final Queue<String> PROJECTS = new ConcurrentLinkedQueue<>();

    @Managed
    static final LoadOptions shop = LoadOptions.of(Fixtures.classpathFile("compose/shop.yaml"));

    @Test
    void servicesRun(ComposeProject shop) {
        assertThat(shop.ps()).extracting(ServiceContainer::service).containsExactlyInAnyOrder("web", "worker");
        assertThat(shop.name()).startsWith("compose-").hasSize("compose-".length() + 8);
        PROJECTS.add(shop.name());
    }
}
