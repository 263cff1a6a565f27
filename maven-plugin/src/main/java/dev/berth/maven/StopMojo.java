package dev.berth.maven;

import dev.berth.Engine;
import dev.berth.container.RemoveOption;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;
import java.util.Optional;

/**
 * Stops and removes every container the start goal ran for this project (those labelled
 * {@code berth.maven.project=GROUPID:ARTIFACTID}), with their anonymous volumes. Bound to
 * {@code post-integration-test}, which runs even when tests fail.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends TestEnvironmentMojo {
    /** Skips this goal. */
    @Parameter(property = "berth.skip.stop", defaultValue = "false")
    boolean skipStop;

    @Override
    Optional<String> goalSkipFlag() {
        return skipStop ? Optional.of("berth.skip.stop") : Optional.empty();
    }

    @Override
    void run() {
        try (Engine engine = connect()) {
            List<String> removed = engine.containers().all().label(PROJECT_LABEL, projectLabel())
                    .remove(RemoveOption.FORCE, RemoveOption.VOLUMES);
            getLog().info("Removed " + removed.size() + " container(s) of " + projectLabel());
        }
    }
}
