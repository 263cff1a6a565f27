package dev.berth.compose;

import dev.berth.compose.internal.OneOff;
import dev.berth.compose.internal.RunOptions;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code docker compose run SERVICE}: a one-off container with the service's configuration, after bringing up its
 * dependencies. {@link #run()} waits for it to exit and returns its exit code; {@link #detached()} returns at once.
 */
public final class RunCommand {
    private final ComposeProject project;
    private final String service;
    private List<String> command;
    private List<String> entrypoint;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String name;
    private String user;
    private String workdir;
    private boolean servicePorts;
    private boolean remove;
    private boolean noDeps;
    private Consumer<ComposeEvent> progress;
    private Consumer<ComposeLogLine> output;

    RunCommand(ComposeProject project, String service) {
        this.project = project;
        this.service = service;
    }

    /** The command and arguments replacing the service's; never split on spaces. */
    public RunCommand command(String... command) {
        this.command = List.of(command);
        return this;
    }

    /** The entrypoint replacing the service's ({@code --entrypoint}). */
    public RunCommand entrypoint(String... entrypoint) {
        this.entrypoint = List.of(entrypoint);
        return this;
    }

    /** Sets an environment variable ({@code -e}). */
    public RunCommand env(String key, String value) {
        env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Names the container ({@code --name}). */
    public RunCommand name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Runs as this user ({@code -u}). */
    public RunCommand user(String user) {
        this.user = Objects.requireNonNull(user, "user");
        return this;
    }

    /** Working directory inside the container ({@code -w}). */
    public RunCommand workdir(String workdir) {
        this.workdir = Objects.requireNonNull(workdir, "workdir");
        return this;
    }

    /** Publishes the service's ports, which one-off containers otherwise do not ({@code --service-ports}). */
    public RunCommand servicePorts() {
        this.servicePorts = true;
        return this;
    }

    /** Removes the container when it exits ({@code --rm}). */
    public RunCommand rm() {
        this.remove = true;
        return this;
    }

    /** Does not start the service's dependencies ({@code --no-deps}). */
    public RunCommand noDeps() {
        this.noDeps = true;
        return this;
    }

    /** Receives the container's output while it runs. */
    public RunCommand output(Consumer<ComposeLogLine> consumer) {
        this.output = Objects.requireNonNull(consumer, "consumer");
        return this;
    }

    /** Prints the container's output to the stream. */
    public RunCommand output(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return output(l -> out.println(l.text()));
    }

    /** Receives progress lines (dependencies starting, container created). */
    public RunCommand progress(Consumer<ComposeEvent> listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Runs the container attached; blocks until it exits and returns its exit code. */
    public int run() {
        return OneOff.run(project.engine(), project.project(), options(false)).exitCode();
    }

    /** Starts the container detached ({@code -d}) and returns it; it is not removed automatically. */
    public ServiceContainer detached() {
        return OneOff.run(project.engine(), project.project(), options(true)).container();
    }

    private RunOptions options(boolean detached) {
        return new RunOptions(service, command, entrypoint, env, name, user, workdir, servicePorts, remove, detached,
                noDeps, progress, output);
    }
}
