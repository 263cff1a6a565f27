package dev.berth.compose;

import dev.berth.compose.internal.Commands;
import dev.berth.compose.internal.UpOptions;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code docker compose up}, configured fluently; {@link #run()} does the work. Detached by default, as an SDK
 * caller expects; {@link #attached(Consumer)} follows the output like {@code up} without {@code -d}.
 *
 * <pre>{@code
 * UpResult r = project.up().scale("web", 3).removeOrphans().waitReady(Duration.ofSeconds(60)).run();
 * }</pre>
 * Not thread-safe; each {@code run()} is independent.
 */
public final class UpCommand {
    private final ComposeProject project;
    private final List<String> services = new ArrayList<>();
    private final Map<String, Integer> scale = new LinkedHashMap<>();
    private boolean removeOrphans;
    private UpOptions.Recreate recreate = UpOptions.Recreate.DIVERGED;
    private boolean build;
    private boolean noBuild;
    private String pull;
    private Duration wait;
    private Duration timeout;
    private boolean noStart;
    private boolean noDeps;
    private Consumer<ComposeEvent> progress;
    private Consumer<ComposeLogLine> logs;

    UpCommand(ComposeProject project) {
        this.project = project;
    }

    /** Brings up only these services and their dependencies ({@code up SERVICE...}). */
    public UpCommand services(String... names) {
        for (String n : names) {
            services.add(Objects.requireNonNull(n, "service"));
        }
        return this;
    }

    /** Runs {@code replicas} containers of the service ({@code --scale SERVICE=N}). */
    public UpCommand scale(String service, int replicas) {
        Objects.requireNonNull(service, "service");
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, was " + replicas + " for " + service);
        }
        project.requireService(service);
        scale.put(service, replicas);
        return this;
    }

    /** Removes containers of services no longer in the file ({@code --remove-orphans}). */
    public UpCommand removeOrphans() {
        this.removeOrphans = true;
        return this;
    }

    /** Recreates every container even if unchanged ({@code --force-recreate}). */
    public UpCommand forceRecreate() {
        this.recreate = UpOptions.Recreate.FORCE;
        return this;
    }

    /** Keeps existing containers even if their configuration changed ({@code --no-recreate}). */
    public UpCommand noRecreate() {
        this.recreate = UpOptions.Recreate.NEVER;
        return this;
    }

    /** Builds images of services with a build section before starting ({@code --build}). */
    public UpCommand build() {
        this.build = true;
        this.noBuild = false;
        return this;
    }

    /** Never builds; a missing image is pulled or is an error ({@code --no-build}). */
    public UpCommand noBuild() {
        this.noBuild = true;
        this.build = false;
        return this;
    }

    /** Pull policy for every service: always, missing, never or build ({@code --pull}). */
    public UpCommand pull(String policy) {
        Objects.requireNonNull(policy, "policy");
        if (!List.of("always", "missing", "never", "build").contains(policy)) {
            throw new IllegalArgumentException("pull policy must be always, missing, never or build, was '" + policy + "'");
        }
        this.pull = policy;
        return this;
    }

    /** Waits until every container is running or healthy, at most {@code timeout} ({@code --wait --wait-timeout}). */
    public UpCommand waitReady(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("wait timeout must be positive, was " + timeout);
        }
        this.wait = timeout;
        return this;
    }

    /** Stop timeout for containers that are replaced or scaled down ({@code -t}). */
    public UpCommand timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** Creates containers without starting them ({@code --no-start}). */
    public UpCommand noStart() {
        this.noStart = true;
        return this;
    }

    /** Does not bring up the named services' dependencies ({@code --no-deps}). */
    public UpCommand noDeps() {
        this.noDeps = true;
        return this;
    }

    /** Receives progress lines ({@code Container demo-web-1  Started}) as they happen, from any thread. */
    public UpCommand progress(Consumer<ComposeEvent> listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Prints progress to the stream, as Compose does on its terminal. */
    public UpCommand progress(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return progress(e -> out.println(e));
    }

    /**
     * Attached mode ({@code up} without {@code -d}): after starting, {@link #run()} follows every container's output
     * and returns when all have stopped; interrupting the calling thread stops the services, as Ctrl+C does.
     */
    public UpCommand attached(Consumer<ComposeLogLine> output) {
        this.logs = Objects.requireNonNull(output, "output");
        return this;
    }

    /** Attached mode printing {@code container  | line} to the stream. */
    public UpCommand attached(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return attached(l -> out.println(l));
    }

    /**
     * Converges the project; blocks until every container is started (and ready with {@link #waitReady}), or, when
     * attached, until they have all stopped.
     *
     * @throws ComposeException naming the service that failed and why
     */
    public UpResult run() {
        for (String s : services) {
            project.requireService(s);
        }
        UpOptions o = new UpOptions(services, scale, removeOrphans, recreate, build, noBuild, pull, wait, timeout,
                noStart, noDeps, progress, logs);
        UpResult r = Commands.up(project.engine(), project.project(), o);
        if (logs != null && !noStart) {
            project.logs().services(services.toArray(String[]::new)).follow(logs);
            if (Thread.interrupted()) {
                // Like Ctrl+C on an attached `docker compose up`: stop the services gracefully, then report.
                Commands.stop(project.engine(), project.project(), services, timeout, progress);
                Thread.currentThread().interrupt();
            } else {
                Commands.awaitExit(project.engine(), project.project(), services);
            }
        }
        return r;
    }
}
