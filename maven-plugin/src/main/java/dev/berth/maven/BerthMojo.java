package dev.berth.maven;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.EngineUnavailableException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.util.Optional;

/**
 * What every Berth goal shares: the engine to talk to, the {@code berth.skip} switch, and the translation of Berth's
 * exceptions into Maven's (an engine that does not answer is a build error; anything else a build failure, with
 * Berth's message, which names the resource and what to do).
 */
abstract class BerthMojo extends AbstractMojo {
    /** The engine ({@code docker -H}); by default DOCKER_HOST, DOCKER_CONTEXT or the default socket, as the docker CLI. */
    @Parameter(property = "berth.host")
    String host;

    /** Skips every Berth goal. */
    @Parameter(property = "berth.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Optional<String> skipped = skip ? Optional.of("berth.skip") : skipReason();
        if (skipped.isPresent()) {
            getLog().info("Skipping (" + skipped.get() + ")");
            return;
        }
        try {
            run();
        } catch (EngineUnavailableException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (BerthException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The goal's work; Berth's exceptions may escape. */
    abstract void run() throws MojoFailureException;

    /** Why this goal is skipped, if a goal-specific flag says so. */
    Optional<String> skipReason() {
        return Optional.empty();
    }

    /** Connects to the configured engine; the caller closes it. */
    Engine connect() {
        if (host == null || host.isBlank()) {
            return Engine.fromEnv();
        }
        return Engine.connect(EngineConfig.builder().host(host).build());
    }
}
