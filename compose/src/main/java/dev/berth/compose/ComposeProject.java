package dev.berth.compose;

import dev.berth.Engine;
import dev.berth.compose.internal.Commands;
import dev.berth.compose.model.Project;
import dev.berth.container.ExecRequest;
import dev.berth.container.ProcessList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A loaded Compose project bound to an engine: the {@code docker compose} commands, through the Engine API and
 * interoperable with Docker Compose v2 (same names, labels and config hash, so either tool sees the other's
 * containers as its own).
 *
 * <pre>{@code
 * try (Engine engine = Engine.fromEnv()) {
 *     ComposeProject app = Compose.project(engine, LoadOptions.of(Path.of("compose.yaml")));
 *     app.up().scale("web", 3).waitReady(Duration.ofSeconds(60)).run();
 *     app.ps().forEach(System.out::println);
 *     app.down().volumes().run();
 * }
 * }</pre>
 * Commands with options return a fluent command ending in {@code run()}; the others act at once. Every method blocks
 * until the engine has done the work. Thread-safe: commands share nothing but the engine.
 */
public final class ComposeProject {
    private final Engine engine;
    private final Project project;

    ComposeProject(Engine engine, Project project) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.project = Objects.requireNonNull(project, "project");
    }

    /** The engine the commands run on. */
    public Engine engine() {
        return engine;
    }

    /** The loaded model. */
    public Project project() {
        return project;
    }

    /** The project name, the prefix of every container, network and volume. */
    public String name() {
        return project.name();
    }

    /** {@code up}: create and start the services; configure, then {@code run()}. */
    public UpCommand up() {
        return new UpCommand(this);
    }

    /** {@code down}: stop and remove containers and networks; configure, then {@code run()}. */
    public DownCommand down() {
        return new DownCommand(this);
    }

    /** {@code ps}: the running service containers. */
    public List<ServiceContainer> ps() {
        return ps(List.of(), false);
    }

    /** {@code ps -a}: the service containers, stopped ones included (not one-off containers). */
    public List<ServiceContainer> psAll() {
        return ps(List.of(), true);
    }

    /** {@code ps [-a] SERVICE...}. */
    public List<ServiceContainer> ps(List<String> services, boolean all) {
        services.forEach(this::requireService);
        return Commands.ps(engine, project, services, false, all);
    }

    /** The containers of one service, by replica number. */
    public List<ServiceContainer> containers(String service) {
        requireService(service);
        return Commands.containers(engine, project, service);
    }

    /** {@code logs}: configure, then {@code fetch()} or {@code follow(…)}. */
    public LogsCommand logs() {
        return new LogsCommand(this);
    }

    /** {@code start}: starts existing containers in dependency order, waiting on depends_on conditions. */
    public void start(String... services) {
        Commands.start(engine, project, checked(services), null, null);
    }

    /** {@code stop}: stops containers in reverse dependency order with their own grace periods. */
    public void stop(String... services) {
        Commands.stop(engine, project, checked(services), null, null);
    }

    /** {@code stop -t}: stops containers in reverse dependency order, killing them after {@code timeout}. */
    public void stop(Duration timeout, String... services) {
        Commands.stop(engine, project, checked(services), Objects.requireNonNull(timeout, "timeout"), null);
    }

    /** {@code restart}: restarts the services (and dependents declared with {@code restart: true}). */
    public void restart(String... services) {
        Commands.restart(engine, project, checked(services), null, null);
    }

    /** {@code restart -t}. */
    public void restart(Duration timeout, String... services) {
        Commands.restart(engine, project, checked(services), Objects.requireNonNull(timeout, "timeout"), null);
    }

    /** {@code pause}. */
    public void pause(String... services) {
        Commands.each(engine, project, checked(services), "pause", null);
    }

    /** {@code unpause}. */
    public void unpause(String... services) {
        Commands.each(engine, project, checked(services), "unpause", null);
    }

    /** {@code kill}: sends SIGKILL to the running containers. */
    public void kill(String... services) {
        killWith("SIGKILL", services);
    }

    /** {@code kill -s SIGNAL}: sends the signal, e.g. {@code SIGHUP}, to the running containers. */
    public void killWith(String signal, String... services) {
        Objects.requireNonNull(signal, "signal");
        Commands.each(engine, project, checked(services), "kill?signal=" + java.net.URLEncoder.encode(signal,
                java.nio.charset.StandardCharsets.UTF_8), null);
    }

    /** {@code rm -f [-v]}: removes the service containers, stopped or not; returns their names. */
    public List<String> rm(boolean stopped, boolean volumes, String... services) {
        return Commands.rm(engine, project, checked(services), !stopped, volumes, null);
    }

    /** {@code pull}: pulls the services' images, reporting progress. */
    public void pull(Consumer<ComposeEvent> progress, String... services) {
        Commands.pull(engine, project, checked(services), false, progress);
    }

    /** {@code pull}. */
    public void pull(String... services) {
        pull(null, services);
    }

    /** {@code build}: builds the services that have a build section, reporting progress; returns image ids. */
    public Map<String, String> build(Consumer<ComposeEvent> progress, String... services) {
        return Commands.build(engine, project, checked(services), progress);
    }

    /** {@code build}. */
    public Map<String, String> build(String... services) {
        return build(null, services);
    }

    /** {@code run SERVICE}: configure the one-off container, then {@code run()} or {@code detached()}. */
    public RunCommand run(String service) {
        requireService(service);
        return new RunCommand(this, service);
    }

    /** {@code exec SERVICE CMD…} in the service's first container; configure, then {@code run()}. */
    public ExecRequest exec(String service, String... command) {
        return exec(service, 1, command);
    }

    /** {@code exec --index N SERVICE CMD…}. */
    public ExecRequest exec(String service, int index, String... command) {
        return container(service, index).container().exec(command);
    }

    /** {@code top}: the processes of each running container, by container name. */
    public Map<String, ProcessList> top(String... services) {
        Map<String, ProcessList> out = new LinkedHashMap<>();
        for (ServiceContainer c : ps(checked(services), false)) {
            out.put(c.name(), c.container().top());
        }
        return out;
    }

    /** {@code port SERVICE PRIVATE_PORT}: the host port of the first container, if published. */
    public Optional<Integer> port(String service, int containerPort) {
        return port(service, 1, containerPort);
    }

    /** {@code port --index N SERVICE PRIVATE_PORT}. */
    public Optional<Integer> port(String service, int index, int containerPort) {
        return container(service, index).hostPort(containerPort);
    }

    /** {@code images}: the image each service container runs. */
    public List<ServiceImage> images(String... services) {
        return Commands.images(engine, project, checked(services));
    }

    /** {@code config}: the project as {@code docker compose config} prints it (YAML). */
    public String config() {
        return project.toYaml();
    }

    /** {@code config --format json}. */
    public String configJson() {
        return project.toJson();
    }

    private ServiceContainer container(String service, int index) {
        requireService(service);
        return containers(service).stream().filter(c -> c.number() == index).findFirst()
                .orElseThrow(() -> new ComposeException(service, "service \"" + service + "\" is not running container #"
                        + index + "; start it with up", null));
    }

    private List<String> checked(String... services) {
        List<String> out = new ArrayList<>(Arrays.asList(services));
        out.forEach(this::requireService);
        return out;
    }

    void requireService(String service) {
        Objects.requireNonNull(service, "service");
        if (!project.services().containsKey(service) && !project.disabledServices().containsKey(service)) {
            throw new IllegalArgumentException("No service '" + service + "' in project '" + project.name()
                    + "'; it has " + project.services().keySet());
        }
    }

    @Override
    public String toString() {
        return "ComposeProject[" + project.name() + " on " + engine + "]";
    }
}
