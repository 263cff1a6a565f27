package dev.berth.maven;

import dev.berth.Engine;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.ServiceContainer;
import dev.berth.compose.UpCommand;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code docker compose up -d --wait}: starts the Compose project before the integration tests, waits until every
 * container is running and healthy, and publishes each service's host ports as project properties
 * {@code berth.SERVICE.PORT} (e.g. {@code berth.web.80}) for Failsafe's {@code systemPropertyVariables}.
 *
 * <p>First it removes what an earlier build of the same project left behind (a killed build never ran down), so a
 * run always starts fresh; if starting or waiting fails, it tears down what it started before failing the build.
 * Bound to {@code pre-integration-test}.
 */
@Mojo(name = "up", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class UpMojo extends ComposeMojo {
    /** Waits until every container is running, and healthy where it has a health check ({@code --wait}). */
    @Parameter(property = "berth.wait", defaultValue = "true")
    boolean waitReady;

    /** How long to wait, in seconds ({@code --wait-timeout}). */
    @Parameter(property = "berth.waitTimeout", defaultValue = "120")
    int waitTimeout;

    /**
     * Removes the project's containers, networks and volumes left by an earlier run first; false reuses them as a
     * plain {@code docker compose up} does.
     */
    @Parameter(property = "berth.fresh", defaultValue = "true")
    boolean fresh;

    /** Builds the images of services with a {@code build} section first ({@code --build}). */
    @Parameter(property = "berth.build", defaultValue = "false")
    boolean build;

    /** The pull policy: always, missing, never or build ({@code --pull}). */
    @Parameter(property = "berth.pull")
    String pull;

    /** Skips this goal. */
    @Parameter(property = "berth.skip.up", defaultValue = "false")
    boolean skipUp;

    @Override
    Optional<String> goalSkipFlag() {
        return skipUp ? Optional.of("berth.skip.up") : Optional.empty();
    }

    @Override
    void run() {
        try (Engine engine = connect()) {
            ComposeProject compose = load(engine);
            if (fresh) {
                removeLeftovers(compose);
            }
            UpCommand up = compose.up().removeOrphans().progress(this::progress);
            if (waitReady) {
                up.waitReady(Duration.ofSeconds(waitTimeout));
            }
            if (build) {
                up.build();
            }
            if (pull != null && !pull.isBlank()) {
                up.pull(pull.strip());
            }
            try {
                up.run();
            } catch (RuntimeException e) {
                tearDownAfter(compose, e);
                throw e;
            }
            publishPorts(compose);
        }
    }

    /**
     * {@code down -v --remove-orphans}, quietly, when an earlier run left anything of the project (containers,
     * orphans of services since removed from the file included, networks, volumes); on a clean engine it costs three
     * list calls.
     */
    private void removeLeftovers(ComposeProject compose) {
        Engine engine = compose.engine();
        String label = "com.docker.compose.project";
        int containers = engine.containers().all().label(label, compose.name()).ids().size();
        boolean networks = !engine.networks().label(label, compose.name()).list().isEmpty();
        boolean volumes = !engine.volumes().label(label, compose.name()).list().isEmpty();
        if (containers == 0 && !networks && !volumes) {
            return;
        }
        compose.down().removeOrphans().volumes().run();
        getLog().info("Removed " + containers + " container(s) of " + compose.name() + " that an earlier build left");
    }

    private void publishPorts(ComposeProject compose) {
        for (ServiceContainer c : compose.ps()) {
            if (c.number() != 1) {
                continue;
            }
            publishPorts(c.service(), c.ports());
        }
    }

    /** Shows the last log lines of each container (they say why), then removes everything up started. */
    private void tearDownAfter(ComposeProject compose, RuntimeException failure) {
        try {
            compose.logs().tail(20).fetch().forEach(line -> getLog().warn(line.toString()));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            compose.down().removeOrphans().volumes().progress(this::progress).run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
