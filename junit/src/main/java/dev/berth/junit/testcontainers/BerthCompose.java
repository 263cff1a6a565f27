package dev.berth.junit.testcontainers;

import dev.berth.Docker;
import dev.berth.Engine;
import dev.berth.compose.Compose;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;
import org.testcontainers.lifecycle.Startable;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Berth Compose project as a Testcontainers {@link Startable}: {@link #start()} is {@code docker compose up -d
 * --wait}, {@link #stop()} is {@code down -v}; no compose binary or privileged container is involved. Without an
 * explicit project name in the options, the project gets the loaded name plus a random suffix, so parallel runs do
 * not share it.
 */
public final class BerthCompose implements Startable {
    private final Engine engine;
    private final LoadOptions options;
    private final Duration timeout;
    private final AtomicReference<ComposeProject> running = new AtomicReference<>();

    private BerthCompose(Engine engine, LoadOptions options, Duration timeout) {
        this.engine = engine;
        this.options = options;
        this.timeout = timeout;
    }

    /** A startable for the project, on the default engine unless {@link #on(Engine)} says; waits up to 60 s. */
    public static BerthCompose of(LoadOptions options) {
        return new BerthCompose(null, Objects.requireNonNull(options, "options"), Duration.ofSeconds(60));
    }

    /** The same, on this engine. */
    public BerthCompose on(Engine engine) {
        return new BerthCompose(Objects.requireNonNull(engine, "engine"), options, timeout);
    }

    /** The same, waiting up to {@code timeout} for every service to run (or be healthy). */
    public BerthCompose waitingUpTo(Duration timeout) {
        return new BerthCompose(engine, options, Objects.requireNonNull(timeout, "timeout"));
    }

    /** Brings the project up and waits; does nothing if already started. */
    @Override
    public synchronized void start() {
        if (running.get() != null) {
            return;
        }
        Project loaded = Compose.load(options);
        Project project = options.projectName() != null ? loaded : Compose.load(options.toBuilder()
                .projectName(loaded.name() + "-" + UUID.randomUUID().toString().substring(0, 8)).build());
        ComposeProject app = Compose.project(engine != null ? engine : Docker.engine(), project);
        try {
            app.up().waitReady(timeout).run();
        } catch (RuntimeException e) {
            try {
                app.down().volumes().run();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        running.set(app);
    }

    /** {@code down -v}: stops every container gracefully, then removes containers, networks and volumes. */
    @Override
    public void stop() {
        ComposeProject app = running.getAndSet(null);
        if (app != null) {
            app.down().volumes().run();
        }
    }

    /**
     * The running project.
     *
     * @throws IllegalStateException if not started
     */
    public ComposeProject project() {
        ComposeProject app = running.get();
        if (app == null) {
            throw new IllegalStateException("BerthCompose is not started; call start() or declare it as a @Container"
                    + " field");
        }
        return app;
    }
}
