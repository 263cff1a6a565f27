package dev.berth.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import dev.berth.Engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything {@code docker run} needs to create a container, as an immutable value.
 *
 * <p>Build one with {@link #builder(String)} or, bound to an engine, with {@code engine.container(image)}:
 * <pre>{@code
 * Container web = engine.container("nginx:1.25").name("web").publish(8080, 80).detached().run();
 * }</pre>
 * Empty optionals and collections mean "the image's default".
 */
public record ContainerSpec(
        String image,
        Optional<String> name,
        Optional<List<String>> command,
        Optional<List<String>> entrypoint,
        Map<String, String> env,
        List<PortBinding> ports,
        List<ExposedPort> expose,
        Map<String, String> labels,
        List<Mount> mounts,
        List<NetworkAttachment> networks,
        Optional<RestartPolicy> restart,
        Optional<String> user,
        Optional<String> workdir,
        Optional<String> hostname,
        Optional<HealthCheck> healthCheck,
        Optional<Long> memoryBytes,
        Optional<Double> cpus,
        boolean autoRemove,
        boolean privileged,
        List<String> capAdd,
        List<String> capDrop,
        List<String> extraHosts,
        List<String> dns,
        Optional<String> stopSignal,
        Optional<Duration> stopTimeout,
        boolean tty,
        boolean stdinOpen,
        boolean init,
        boolean readOnlyRootfs,
        PullPolicy pull,
        Optional<Consumer<CreateContainerCmd>> customizer) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        if (image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank");
        }
        command = command.map(List::copyOf);
        entrypoint = entrypoint.map(List::copyOf);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));   // -e order kept, as the CLI sends it
        ports = List.copyOf(ports);
        expose = List.copyOf(expose);
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        mounts = List.copyOf(mounts);
        networks = List.copyOf(networks);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        extraHosts = List.copyOf(extraHosts);
        dns = List.copyOf(dns);
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(customizer, "customizer");
        long builtIn = networks.stream().filter(n -> n.isBuiltInMode() && !n.network().equals("bridge")).count();
        if (builtIn > 0 && networks.size() > 1) {
            throw new IllegalArgumentException("network modes host, none and container:… cannot be combined with other"
                    + " networks: " + networks.stream().map(NetworkAttachment::network).toList());
        }
        if (autoRemove && restart.isPresent() && restart.get().mode() != RestartPolicy.Mode.NO) {
            throw new IllegalArgumentException("autoRemove (--rm) and restart policy '" + restart.get()
                    + "' conflict; the docker CLI refuses them together too");
        }
    }

    /** A builder for a spec running the given image, not bound to an engine ({@link Builder#build()} only). */
    public static Builder builder(String image) {
        return new Builder(null, image);
    }

    /** A builder holding this spec's values, not bound to an engine. */
    public Builder toBuilder() {
        return new Builder(null, this);
    }

    /** A builder bound to the engine; the usual spelling is {@code engine.container(image)}. */
    public static Builder builder(Engine engine, String image) {
        return new Builder(new ContainerLauncher(Objects.requireNonNull(engine, "engine")), image);
    }

    /** A builder with this spec's values, bound to the engine; the usual spelling is {@code engine.container(spec)}. */
    public Builder toBuilder(Engine engine) {
        return new Builder(new ContainerLauncher(Objects.requireNonNull(engine, "engine")), this);
    }

    /**
     * Collects a {@link ContainerSpec}; each method is named after its {@code docker run} flag.
     *
     * <p>A builder from {@code engine.container(image)} is bound to that engine and also offers the terminal verbs
     * {@link #create()}, {@link #run()}, {@link #detached()}, {@link #attached()} and {@link #interactive()}.
     * A builder is not thread-safe; the spec it builds is.
     */
    public static final class Builder {
        private final ContainerLauncher launcher;
        private String image;
        private String name;
        private List<String> command;
        private List<String> entrypoint;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<PortBinding> ports = new ArrayList<>();
        private final List<ExposedPort> expose = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();
        private final List<NetworkAttachment> networks = new ArrayList<>();
        private RestartPolicy restart;
        private String user;
        private String workdir;
        private String hostname;
        private HealthCheck healthCheck;
        private Long memoryBytes;
        private Double cpus;
        private boolean autoRemove;
        private boolean privileged;
        private final List<String> capAdd = new ArrayList<>();
        private final List<String> capDrop = new ArrayList<>();
        private final List<String> extraHosts = new ArrayList<>();
        private final List<String> dns = new ArrayList<>();
        private String stopSignal;
        private Duration stopTimeout;
        private boolean tty;
        private boolean stdinOpen;
        private boolean init;
        private boolean readOnlyRootfs;
        private PullPolicy pull = PullPolicy.MISSING;
        private Consumer<CreateContainerCmd> customizer;

        Builder(ContainerLauncher launcher, String image) {
            this.launcher = launcher;
            image(image);
        }

        Builder(ContainerLauncher launcher, ContainerSpec s) {
            this.launcher = launcher;
            image = s.image;
            name = s.name.orElse(null);
            command = s.command.orElse(null);
            entrypoint = s.entrypoint.orElse(null);
            env.putAll(s.env);
            ports.addAll(s.ports);
            expose.addAll(s.expose);
            labels.putAll(s.labels);
            mounts.addAll(s.mounts);
            networks.addAll(s.networks);
            restart = s.restart.orElse(null);
            user = s.user.orElse(null);
            workdir = s.workdir.orElse(null);
            hostname = s.hostname.orElse(null);
            healthCheck = s.healthCheck.orElse(null);
            memoryBytes = s.memoryBytes.orElse(null);
            cpus = s.cpus.orElse(null);
            autoRemove = s.autoRemove;
            privileged = s.privileged;
            capAdd.addAll(s.capAdd);
            capDrop.addAll(s.capDrop);
            extraHosts.addAll(s.extraHosts);
            dns.addAll(s.dns);
            stopSignal = s.stopSignal.orElse(null);
            stopTimeout = s.stopTimeout.orElse(null);
            tty = s.tty;
            stdinOpen = s.stdinOpen;
            init = s.init;
            readOnlyRootfs = s.readOnlyRootfs;
            pull = s.pull;
            customizer = s.customizer.orElse(null);
        }

        /** The image to run, e.g. {@code nginx:1.25} or an image id. */
        public Builder image(String image) {
            this.image = Objects.requireNonNull(image, "image");
            return this;
        }

        /** The container name ({@code --name}). */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (!name.matches("/?[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
                throw new IllegalArgumentException("Invalid container name '" + name
                        + "'; names are [a-zA-Z0-9][a-zA-Z0-9_.-]*");
            }
            this.name = name.startsWith("/") ? name.substring(1) : name;
            return this;
        }

        /** The command and its arguments, replacing the image's CMD; never split on spaces. */
        public Builder command(String... command) {
            return command(List.of(command));
        }

        /** The command and its arguments, replacing the image's CMD. */
        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /** The entrypoint, replacing the image's ENTRYPOINT; no arguments clears it ({@code --entrypoint ""}). */
        public Builder entrypoint(String... entrypoint) {
            this.entrypoint = List.of(entrypoint);
            return this;
        }

        /** Sets one environment variable ({@code -e KEY=VALUE}). */
        public Builder env(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isEmpty() || key.contains("=")) {
                throw new IllegalArgumentException("Invalid environment variable name '" + key + "'");
            }
            env.put(key, value);
            return this;
        }

        /** Sets several environment variables. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /**
         * Reads environment variables from a file now, as {@code --env-file}: {@code KEY=VALUE} lines, {@code #}
         * comments, and bare {@code KEY} lines taking the value from this process's environment.
         */
        public Builder envFile(Path file) {
            return env(EnvFile.read(file, System.getenv()));
        }

        /** Publishes a container TCP port on a host port on all host addresses ({@code -p HOST:CONTAINER}). */
        public Builder publish(int hostPort, int containerPort) {
            return publish(PortBinding.of(hostPort, containerPort));
        }

        /** Publishes a container TCP port on a random host port ({@code -p CONTAINER}). */
        public Builder publish(int containerPort) {
            return publish(PortBinding.random(containerPort));
        }

        /** Publishes ports in {@code -p} syntax, e.g. {@code 127.0.0.1:8080:80/udp}. */
        public Builder publish(String spec) {
            ports.addAll(PortBinding.parse(spec));
            return this;
        }

        /** Publishes one port binding. */
        public Builder publish(PortBinding binding) {
            ports.add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /** Exposes a container port without publishing it ({@code --expose}), e.g. {@code 80} or {@code 53/udp}. */
        public Builder expose(String port) {
            expose.add(ExposedPort.parse(port));
            return this;
        }

        /** Exposes a TCP port without publishing it. */
        public Builder expose(int port) {
            expose.add(new ExposedPort(port, Protocol.TCP));
            return this;
        }

        /** Adds a label ({@code --label}). Labels under {@code dev.berth.} are Berth's own and refused. */
        public Builder label(String key, String value) {
            dev.berth.Labels.putUserLabel(labels, key, value);
            return this;
        }

        /** Adds several labels. */
        public Builder labels(Map<String, String> labels) {
            labels.forEach(this::label);
            return this;
        }

        /** Mounts storage in {@code -v} syntax: {@code NAME:/path}, {@code /host:/path:ro}, {@code /path}. */
        public Builder volume(String spec) {
            return mount(Mount.parse(spec));
        }

        /** Mounts the named volume at the target path, creating the volume if it does not exist. */
        public Builder volume(String name, String target) {
            return mount(Mount.volume(name, target));
        }

        /** Mounts a host path at the target path ({@code -v /host:/target}). */
        public Builder bind(Path source, String target) {
            return mount(Mount.bind(source, target));
        }

        /** Mounts a tmpfs at the target path ({@code --tmpfs}). */
        public Builder tmpfs(String target) {
            return mount(Mount.tmpfs(target));
        }

        /** Adds a mount of any kind. */
        public Builder mount(Mount mount) {
            Objects.requireNonNull(mount, "mount");
            if (mounts.stream().anyMatch(m -> m.target().equals(mount.target()))) {
                throw new IllegalArgumentException("Duplicate mount point: " + mount.target());
            }
            mounts.add(mount);
            return this;
        }

        /**
         * Joins a network ({@code --network}) with optional aliases; call again for more networks. {@code host},
         * {@code none} and {@code container:NAME} select a network mode instead; the built-in names are
         * {@link dev.berth.network.Network#BRIDGE}, {@link dev.berth.network.Network#HOST} and
         * {@link dev.berth.network.Network#NONE}.
         */
        public Builder network(String network, String... aliases) {
            return network(new NetworkAttachment(network, List.of(aliases), Optional.empty()));
        }

        /** Joins a network created through Berth, with optional aliases; call again for more networks. */
        public Builder network(dev.berth.network.Network network, String... aliases) {
            return network(Objects.requireNonNull(network, "network").name(), aliases);
        }

        /** Joins a network as described. */
        public Builder network(NetworkAttachment attachment) {
            Objects.requireNonNull(attachment, "attachment");
            if (networks.stream().anyMatch(n -> n.network().equals(attachment.network()))) {
                throw new IllegalArgumentException("Network '" + attachment.network() + "' is already attached");
            }
            networks.add(attachment);
            return this;
        }

        /** What the engine does when the container exits ({@code --restart}). */
        public Builder restart(RestartPolicy policy) {
            this.restart = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Runs as this user: {@code NAME}, {@code UID}, {@code UID:GID} ({@code --user}). */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** The working directory inside the container ({@code --workdir}). */
        public Builder workdir(String workdir) {
            Objects.requireNonNull(workdir, "workdir");
            if (!workdir.startsWith("/")) {
                throw new IllegalArgumentException("workdir '" + workdir + "' must be an absolute path");
            }
            this.workdir = workdir;
            return this;
        }

        /** The container's host name ({@code --hostname}). */
        public Builder hostname(String hostname) {
            this.hostname = Objects.requireNonNull(hostname, "hostname");
            return this;
        }

        /** The health check, replacing the image's ({@code --health-cmd} and friends). */
        public Builder healthCheck(HealthCheck check) {
            this.healthCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /** The memory limit in bytes ({@code --memory}). */
        public Builder memory(long bytes) {
            if (bytes < 6 * 1024 * 1024) {
                throw new IllegalArgumentException("memory limit " + bytes + " bytes is below the engine minimum of 6 MiB");
            }
            this.memoryBytes = bytes;
            return this;
        }

        /** The memory limit in the CLI's syntax, e.g. {@code 512m} or {@code 1g} ({@code --memory}). */
        public Builder memory(String size) {
            return memory(Sizes.parseBytes(size));
        }

        /** The CPU limit in CPUs, e.g. {@code 0.5} ({@code --cpus}). */
        public Builder cpus(double cpus) {
            if (!(cpus > 0)) {
                throw new IllegalArgumentException("cpus must be positive, was " + cpus);
            }
            this.cpus = cpus;
            return this;
        }

        /** Removes the container when it exits ({@code --rm}). */
        public Builder autoRemove() {
            this.autoRemove = true;
            return this;
        }

        /** Gives the container extended privileges ({@code --privileged}). */
        public Builder privileged() {
            this.privileged = true;
            return this;
        }

        /** Adds Linux capabilities, e.g. {@code NET_ADMIN} ({@code --cap-add}). */
        public Builder capAdd(String... capabilities) {
            capAdd.addAll(Capabilities.normalize(capabilities));
            return this;
        }

        /** Drops Linux capabilities ({@code --cap-drop}). */
        public Builder capDrop(String... capabilities) {
            capDrop.addAll(Capabilities.normalize(capabilities));
            return this;
        }

        /** Adds a line to the container's {@code /etc/hosts} ({@code --add-host HOST:IP}). */
        public Builder extraHost(String host, String ip) {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(ip, "ip");
            extraHosts.add(host + ":" + ip);
            return this;
        }

        /** Uses these DNS servers ({@code --dns}). */
        public Builder dns(String... servers) {
            dns.addAll(List.of(servers));
            return this;
        }

        /** The signal that stops the container, e.g. {@code SIGINT} ({@code --stop-signal}). */
        public Builder stopSignal(String signal) {
            this.stopSignal = Objects.requireNonNull(signal, "signal");
            return this;
        }

        /** How long a stop waits before killing ({@code --stop-timeout}); whole seconds. */
        public Builder stopTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("stopTimeout must not be negative, was " + timeout);
            }
            this.stopTimeout = timeout;
            return this;
        }

        /** Allocates a pseudo-TTY ({@code -t}). */
        public Builder tty() {
            this.tty = true;
            return this;
        }

        /** Keeps stdin open ({@code -i}). */
        public Builder stdinOpen() {
            this.stdinOpen = true;
            return this;
        }

        /** Runs an init process as PID 1 that reaps zombies and forwards signals ({@code --init}). */
        public Builder init() {
            this.init = true;
            return this;
        }

        /** Mounts the container's root filesystem read-only ({@code --read-only}). */
        public Builder readOnlyRootfs() {
            this.readOnlyRootfs = true;
            return this;
        }

        /** When to pull the image ({@code --pull}); the default pulls only a missing image. */
        public Builder pull(PullPolicy policy) {
            this.pull = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Escape hatch: edits docker-java's create command after Berth has filled it in, for flags Berth does not
         * model. Values set here are not checked by Berth.
         */
        public Builder customize(Consumer<CreateContainerCmd> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** The immutable spec; does no I/O. */
        public ContainerSpec build() {
            return new ContainerSpec(image, Optional.ofNullable(name), Optional.ofNullable(command),
                    Optional.ofNullable(entrypoint), env, ports, expose, labels, mounts, networks,
                    Optional.ofNullable(restart), Optional.ofNullable(user), Optional.ofNullable(workdir),
                    Optional.ofNullable(hostname), Optional.ofNullable(healthCheck), Optional.ofNullable(memoryBytes),
                    Optional.ofNullable(cpus), autoRemove, privileged, capAdd, capDrop, extraHosts, dns,
                    Optional.ofNullable(stopSignal), Optional.ofNullable(stopTimeout), tty, stdinOpen, init,
                    readOnlyRootfs, pull, Optional.ofNullable(customizer));
        }

        /** Creates the container without starting it ({@code docker create}); blocks until created. */
        public Container create() {
            return launcher().create(build());
        }

        /**
         * Runs the container attached to this process's stdout and stderr, waits for it to exit and returns its exit
         * code, like {@code docker run} without {@code -d}. Interrupting the calling thread stops the container.
         */
        public int run() {
            return attached().run();
        }

        /** Detached mode ({@code -d}): {@code run()} starts the container and returns its handle. */
        public DetachedRun detached() {
            return new DetachedRun(launcher(), build(), List.of());
        }

        /** Attached mode: {@code run()} streams the output to a consumer and returns the exit code. */
        public AttachedRun attached() {
            return new AttachedRun(launcher(), build(), null);
        }

        /** Interactive mode ({@code -it}): {@code run()} returns a session with the container's stdin and TTY. */
        public InteractiveRun interactive() {
            tty = true;
            stdinOpen = true;
            return new InteractiveRun(launcher(), build());
        }

        private ContainerLauncher launcher() {
            if (launcher == null) {
                throw new IllegalStateException("This builder is not bound to an engine; start from"
                        + " engine.container(image) or Docker.container(image), or pass the spec to engine.container(spec)");
            }
            return launcher;
        }
    }
}
