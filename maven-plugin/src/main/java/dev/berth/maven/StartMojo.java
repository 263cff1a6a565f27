package dev.berth.maven;

import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.container.DetachedRun;
import dev.berth.container.RemoveOption;
import dev.berth.wait.WaitStrategy;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker run -d} of one container before the integration tests: by default the image the build goal made.
 * Like a Compose service, it has a short {@code name}; the container is called {@code PROJECTNAME-NAME}, is labelled
 * {@code berth.maven.project=GROUPID:ARTIFACTID} for stop, and its published host ports become project properties
 * {@code berth.NAME.PORT}. A container of the same name that an earlier (killed) build of this project left is
 * removed first. Bound to {@code pre-integration-test}; use one execution per container.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends TestEnvironmentMojo {
    /** The image to run; default: {@code ARTIFACTID:VERSION}, as the build goal tags it. */
    @Parameter(property = "berth.image")
    String image;

    /** The container's short name, the NAME in the port properties; the container is named PROJECTNAME-NAME. */
    @Parameter(property = "berth.name", defaultValue = "app")
    String name;

    /** Ports to publish ({@code -p}): {@code 80} (an ephemeral host port), {@code 8080:80}, {@code 127.0.0.1::80}. */
    @Parameter(property = "berth.publish")
    List<String> publish;

    /** Environment variables ({@code -e}), each {@code KEY=VALUE}. */
    @Parameter(property = "berth.env")
    List<String> env;

    /** The command and its arguments, one element each; default: the image's CMD. */
    @Parameter(property = "berth.command")
    List<String> command;

    /** What to wait for after starting: running, healthy, log:REGEX, port:PORT or http:PORT/PATH. */
    @Parameter(property = "berth.waitFor", defaultValue = "running")
    String waitFor;

    /** How long to wait, in seconds. */
    @Parameter(property = "berth.waitTimeout", defaultValue = "120")
    int waitTimeout;

    /** Skips this goal. */
    @Parameter(property = "berth.skip.start", defaultValue = "false")
    boolean skipStart;

    @Override
    Optional<String> goalSkipFlag() {
        return skipStart ? Optional.of("berth.skip.start") : Optional.empty();
    }

    @Override
    void run() {
        String containerName = projectName() + "-" + name.strip();
        String reference = image == null || image.isBlank() ? ImageNames.references(project, null, null).get(0) : image.strip();
        try (Engine engine = connect()) {
            removeLeftover(engine, containerName);
            ContainerSpec.Builder spec = engine.container(reference).name(containerName)
                    .label(PROJECT_LABEL, projectLabel());
            if (publish != null) {
                publish.forEach(p -> spec.publish(p.strip()));
            }
            KeyValues.parse(env, "env").forEach(spec::env);
            if (command != null && !command.isEmpty()) {
                spec.command(command);
            }
            DetachedRun run = spec.detached();
            Optional<WaitStrategy> wait = WaitSpec.parse(waitFor, Duration.ofSeconds(waitTimeout));
            if (wait.isPresent()) {
                run = run.waitingFor(wait.get());
            }
            Container started = run.run();
            getLog().info("Started " + started.name() + " (" + reference + ")");
            publishPorts(name.strip(), started.inspect().ports());
        }
    }

    private void removeLeftover(Engine engine, String containerName) {
        Optional<Container> existing = engine.containers().find(containerName);
        if (existing.isEmpty()) {
            return;
        }
        if (!projectLabel().equals(existing.get().inspect().labels().get(PROJECT_LABEL))) {
            throw new ConflictException("Cannot start '" + containerName
                    + "': a container of that name exists that this project did not start; remove it, or set <name>"
                    + " or <projectName>", null);
        }
        getLog().info("Removing " + containerName + ", left by an earlier build");
        existing.get().remove(RemoveOption.FORCE, RemoveOption.VOLUMES);
    }
}
