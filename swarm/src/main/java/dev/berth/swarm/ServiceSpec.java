package dev.berth.swarm;

import dev.berth.Labels;
import dev.berth.container.HealthCheck;
import dev.berth.internal.Secrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code docker service create} needs, as an immutable value. Build one with {@link #builder(String)} or,
 * bound to a swarm, with {@code swarm.service(image)}:
 * <pre>{@code
 * Service web = swarm.service("nginx:1.25").name("web").replicas(3).publish(8080, 80).create();
 * }</pre>
 * Empty optionals and collections mean "the engine's or the image's default". {@code entrypoint} is the engine's
 * {@code ContainerSpec.Command} ({@code --entrypoint}); {@code command} is its {@code Args} (what follows the image).
 */
public final class ServiceSpec {
    private final Optional<String> name;
    private final String image;
    private final ServiceMode mode;
    private final Optional<List<String>> entrypoint;
    private final Optional<List<String>> command;
    private final Map<String, String> env;
    private final Map<String, String> labels;
    private final Map<String, String> containerLabels;
    private final List<ServicePort> ports;
    private final Optional<EndpointMode> endpointMode;
    private final List<ServiceNetwork> networks;
    private final List<ServiceMount> mounts;
    private final List<String> constraints;
    private final List<String> spreadPreferences;
    private final Optional<Integer> maxReplicasPerNode;
    private final Optional<Resources> limits;
    private final Optional<Resources> reservations;
    private final Optional<RestartPolicy> restartPolicy;
    private final Optional<UpdatePolicy> updateConfig;
    private final Optional<UpdatePolicy> rollbackConfig;
    private final Optional<HealthCheck> healthCheck;
    private final List<SecretRef> secrets;
    private final List<ConfigRef> configs;
    private final Optional<String> user;
    private final Optional<String> workdir;
    private final Optional<String> hostname;
    private final Optional<Duration> stopGracePeriod;
    private final Optional<String> stopSignal;
    private final List<String> capAdd;
    private final List<String> capDrop;
    private final Map<String, String> sysctls;
    private final List<Ulimit> ulimits;
    private final Map<String, String> hosts;
    private final List<String> dns;
    private final List<String> dnsSearch;
    private final boolean tty;
    private final boolean openStdin;
    private final boolean readOnly;
    private final Optional<Boolean> init;
    private final Optional<LogDriver> logDriver;

    private ServiceSpec(Optional<String> name, String image, ServiceMode mode, Optional<List<String>> entrypoint,
                        Optional<List<String>> command, Map<String, String> env, Map<String, String> labels,
                        Map<String, String> containerLabels, List<ServicePort> ports,
                        Optional<EndpointMode> endpointMode, List<ServiceNetwork> networks, List<ServiceMount> mounts,
                        List<String> constraints, List<String> spreadPreferences, Optional<Integer> maxReplicasPerNode,
                        Optional<Resources> limits, Optional<Resources> reservations,
                        Optional<RestartPolicy> restartPolicy, Optional<UpdatePolicy> updateConfig,
                        Optional<UpdatePolicy> rollbackConfig, Optional<HealthCheck> healthCheck,
                        List<SecretRef> secrets, List<ConfigRef> configs, Optional<String> user,
                        Optional<String> workdir, Optional<String> hostname, Optional<Duration> stopGracePeriod,
                        Optional<String> stopSignal, List<String> capAdd, List<String> capDrop,
                        Map<String, String> sysctls, List<Ulimit> ulimits, Map<String, String> hosts, List<String> dns,
                        List<String> dnsSearch, boolean tty, boolean openStdin, boolean readOnly,
                        Optional<Boolean> init, Optional<LogDriver> logDriver) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        if (image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank");
        }
        Objects.requireNonNull(mode, "mode");
        entrypoint = entrypoint.map(List::copyOf);
        command = command.map(List::copyOf);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env)); // in the order set, on every JVM
        env.keySet().forEach(k -> {
            if (k.isEmpty() || k.contains("=")) {
                throw new IllegalArgumentException("Invalid environment variable name '" + k + "'");
            }
        });
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        containerLabels = Collections.unmodifiableMap(new LinkedHashMap<>(containerLabels));
        ports = List.copyOf(ports);
        Objects.requireNonNull(endpointMode, "endpointMode");
        networks = List.copyOf(networks);
        mounts = List.copyOf(mounts);
        constraints = List.copyOf(constraints);
        spreadPreferences = List.copyOf(spreadPreferences);
        Objects.requireNonNull(maxReplicasPerNode, "maxReplicasPerNode");
        maxReplicasPerNode.ifPresent(n -> {
            if (n < 0) {
                throw new IllegalArgumentException("maxReplicasPerNode must not be negative, was " + n);
            }
            if (!(mode instanceof ServiceMode.Replicated)) {
                throw new IllegalArgumentException("maxReplicasPerNode applies to replicated services only, not "
                        + mode.cliName() + " ones");
            }
        });
        limits = limits.filter(r -> !r.isEmpty());
        reservations = reservations.filter(r -> !r.isEmpty());
        reservations.ifPresent(r -> {
            if (r.pids().isPresent()) {
                throw new IllegalArgumentException("pids can be limited but not reserved");
            }
        });
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        Objects.requireNonNull(updateConfig, "updateConfig");
        Objects.requireNonNull(rollbackConfig, "rollbackConfig");
        rollbackConfig.ifPresent(r -> {
            if (r.failureAction() == FailureAction.ROLLBACK) {
                throw new IllegalArgumentException("a rollback's failure action can be pause or continue, not rollback");
            }
        });
        Objects.requireNonNull(healthCheck, "healthCheck");
        secrets = List.copyOf(secrets);
        configs = List.copyOf(configs);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workdir, "workdir");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        stopGracePeriod.ifPresent(d -> RestartPolicy.notNegative(d, "stopGracePeriod"));
        Objects.requireNonNull(stopSignal, "stopSignal");
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        sysctls = Map.copyOf(sysctls);
        ulimits = List.copyOf(ulimits);
        hosts = Map.copyOf(hosts);
        dns = List.copyOf(dns);
        dnsSearch = List.copyOf(dnsSearch);
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(logDriver, "logDriver");
        this.name = name;
        this.image = image;
        this.mode = mode;
        this.entrypoint = entrypoint;
        this.command = command;
        this.env = env;
        this.labels = labels;
        this.containerLabels = containerLabels;
        this.ports = ports;
        this.endpointMode = endpointMode;
        this.networks = networks;
        this.mounts = mounts;
        this.constraints = constraints;
        this.spreadPreferences = spreadPreferences;
        this.maxReplicasPerNode = maxReplicasPerNode;
        this.limits = limits;
        this.reservations = reservations;
        this.restartPolicy = restartPolicy;
        this.updateConfig = updateConfig;
        this.rollbackConfig = rollbackConfig;
        this.healthCheck = healthCheck;
        this.secrets = secrets;
        this.configs = configs;
        this.user = user;
        this.workdir = workdir;
        this.hostname = hostname;
        this.stopGracePeriod = stopGracePeriod;
        this.stopSignal = stopSignal;
        this.capAdd = capAdd;
        this.capDrop = capDrop;
        this.sysctls = sysctls;
        this.ulimits = ulimits;
        this.hosts = hosts;
        this.dns = dns;
        this.dnsSearch = dnsSearch;
        this.tty = tty;
        this.openStdin = openStdin;
        this.readOnly = readOnly;
        this.init = init;
        this.logDriver = logDriver;
    }

    /** The service name ({@code --name}); empty lets the swarm pick one. */
    public Optional<String> name() {
        return name;
    }

    /** The image the tasks run. */
    public String image() {
        return image;
    }

    /** Replicated with a count ({@code --replicas}) or global ({@code --mode global}). */
    public ServiceMode mode() {
        return mode;
    }

    /** The engine's {@code ContainerSpec.Command} ({@code --entrypoint}), if set. */
    public Optional<List<String>> entrypoint() {
        return entrypoint;
    }

    /** The engine's {@code ContainerSpec.Args}: what follows the image, if set. */
    public Optional<List<String>> command() {
        return command;
    }

    /** Environment variables ({@code --env}), in the order set. */
    public Map<String, String> env() {
        return env;
    }

    /** Labels of the service ({@code --label}). */
    public Map<String, String> labels() {
        return labels;
    }

    /** Labels of its containers ({@code --container-label}). */
    public Map<String, String> containerLabels() {
        return containerLabels;
    }

    /** Published ports ({@code --publish}). */
    public List<ServicePort> ports() {
        return ports;
    }

    /** {@code vip} or {@code dnsrr} ({@code --endpoint-mode}), if set. */
    public Optional<EndpointMode> endpointMode() {
        return endpointMode;
    }

    /** Networks the tasks join ({@code --network}). */
    public List<ServiceNetwork> networks() {
        return networks;
    }

    /** Mounts of the tasks ({@code --mount}). */
    public List<ServiceMount> mounts() {
        return mounts;
    }

    /** Placement constraints ({@code --constraint}). */
    public List<String> constraints() {
        return constraints;
    }

    /** Placement preferences ({@code --placement-pref spread=…}). */
    public List<String> spreadPreferences() {
        return spreadPreferences;
    }

    /** At most this many tasks per node ({@code --replicas-max-per-node}), if set. */
    public Optional<Integer> maxReplicasPerNode() {
        return maxReplicasPerNode;
    }

    /** Resource limits ({@code --limit-cpu}, {@code --limit-memory}, {@code --limit-pids}), if any. */
    public Optional<Resources> limits() {
        return limits;
    }

    /** Resource reservations ({@code --reserve-cpu}, {@code --reserve-memory}), if any. */
    public Optional<Resources> reservations() {
        return reservations;
    }

    /** The restart policy ({@code --restart-condition} and friends), if set. */
    public Optional<RestartPolicy> restartPolicy() {
        return restartPolicy;
    }

    /** How updates roll out ({@code --update-*}), if set. */
    public Optional<UpdatePolicy> updateConfig() {
        return updateConfig;
    }

    /** How rollbacks roll out ({@code --rollback-*}), if set. */
    public Optional<UpdatePolicy> rollbackConfig() {
        return rollbackConfig;
    }

    /** The health check ({@code --health-*}), if set. */
    public Optional<HealthCheck> healthCheck() {
        return healthCheck;
    }

    /** Secrets given to the tasks ({@code --secret}). */
    public List<SecretRef> secrets() {
        return secrets;
    }

    /** Configs given to the tasks ({@code --config}). */
    public List<ConfigRef> configs() {
        return configs;
    }

    /** The user the tasks run as ({@code --user}), if set. */
    public Optional<String> user() {
        return user;
    }

    /** The working directory ({@code --workdir}), if set. */
    public Optional<String> workdir() {
        return workdir;
    }

    /** The tasks' host name ({@code --hostname}), if set. */
    public Optional<String> hostname() {
        return hostname;
    }

    /** How long a stop waits before killing ({@code --stop-grace-period}), if set. */
    public Optional<Duration> stopGracePeriod() {
        return stopGracePeriod;
    }

    /** The signal that stops a task ({@code --stop-signal}), if set. */
    public Optional<String> stopSignal() {
        return stopSignal;
    }

    /** Capabilities added ({@code --cap-add}). */
    public List<String> capAdd() {
        return capAdd;
    }

    /** Capabilities dropped ({@code --cap-drop}). */
    public List<String> capDrop() {
        return capDrop;
    }

    /** Kernel parameters ({@code --sysctl}). */
    public Map<String, String> sysctls() {
        return sysctls;
    }

    /** Resource limits of the processes ({@code --ulimit}). */
    public List<Ulimit> ulimits() {
        return ulimits;
    }

    /** Extra {@code /etc/hosts} lines, host name to address ({@code --host}). */
    public Map<String, String> hosts() {
        return hosts;
    }

    /** DNS servers ({@code --dns}). */
    public List<String> dns() {
        return dns;
    }

    /** DNS search domains ({@code --dns-search}). */
    public List<String> dnsSearch() {
        return dnsSearch;
    }

    /** Whether a pseudo-TTY is allocated ({@code --tty}). */
    public boolean tty() {
        return tty;
    }

    /** Whether stdin stays open ({@code --interactive}). */
    public boolean openStdin() {
        return openStdin;
    }

    /** Whether the root file system is read-only ({@code --read-only}). */
    public boolean readOnly() {
        return readOnly;
    }

    /** Whether an init process runs as PID 1 ({@code --init}), if set. */
    public Optional<Boolean> init() {
        return init;
    }

    /** The log driver and its options ({@code --log-driver}, {@code --log-opt}), if set. */
    public Optional<LogDriver> logDriver() {
        return logDriver;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ServiceSpec other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "ServiceSpec[name=" + name + ", image=" + image + ", mode=" + mode + ", entrypoint=" + entrypoint
                + ", command=" + command + ", env=" + Secrets.mask(env, Secrets.names(labels.get(Labels.SECRET_ENV)))
                + ", labels=" + labels
                + ", containerLabels=" + containerLabels + ", ports=" + ports + ", endpointMode=" + endpointMode
                + ", networks=" + networks + ", mounts=" + mounts + ", constraints=" + constraints
                + ", spreadPreferences=" + spreadPreferences + ", maxReplicasPerNode=" + maxReplicasPerNode
                + ", limits=" + limits + ", reservations=" + reservations + ", restartPolicy=" + restartPolicy
                + ", updateConfig=" + updateConfig + ", rollbackConfig=" + rollbackConfig
                + ", healthCheck=" + healthCheck + ", secrets=" + secrets + ", configs=" + configs + ", user=" + user
                + ", workdir=" + workdir + ", hostname=" + hostname + ", stopGracePeriod=" + stopGracePeriod
                + ", stopSignal=" + stopSignal + ", capAdd=" + capAdd + ", capDrop=" + capDrop
                + ", sysctls=" + sysctls + ", ulimits=" + ulimits + ", hosts=" + hosts + ", dns=" + dns
                + ", dnsSearch=" + dnsSearch + ", tty=" + tty + ", openStdin=" + openStdin + ", readOnly=" + readOnly
                + ", init=" + init + ", logDriver=" + logDriver + "]";
    }

    private List<Object> values() {
        return Arrays.asList(name, image, mode, entrypoint, command, env, labels, containerLabels, ports, endpointMode,
                networks, mounts, constraints, spreadPreferences, maxReplicasPerNode, limits, reservations,
                restartPolicy, updateConfig, rollbackConfig, healthCheck, secrets, configs, user, workdir, hostname,
                stopGracePeriod, stopSignal, capAdd, capDrop, sysctls, ulimits, hosts, dns, dnsSearch, tty, openStdin,
                readOnly, init, logDriver);
    }

    /** A builder for a service running {@code image}, not bound to a swarm ({@link Builder#build()} only). */
    public static Builder builder(String image) {
        return new Builder(null, image);
    }

    /** A builder holding this spec's values, not bound to a swarm. */
    public Builder toBuilder() {
        return new Builder(null, this);
    }

    /** The number of replicas of a replicated service; empty for other modes. */
    public Optional<Integer> replicas() {
        return mode instanceof ServiceMode.Replicated r ? Optional.of(r.replicas()) : Optional.empty();
    }

    /**
     * Collects a {@link ServiceSpec}; each method is named after its {@code docker service create} flag. A builder from
     * {@code swarm.service(image)} is bound to that swarm and also offers {@link #create()}. Not thread-safe.
     */
    public static final class Builder {
        private final Swarm swarm;
        private String name;
        private String image;
        private ServiceMode mode = ServiceMode.replicated(1);
        private List<String> entrypoint;
        private List<String> command;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> containerLabels = new LinkedHashMap<>();
        private final List<ServicePort> ports = new ArrayList<>();
        private EndpointMode endpointMode;
        private final List<ServiceNetwork> networks = new ArrayList<>();
        private final List<ServiceMount> mounts = new ArrayList<>();
        private final List<String> constraints = new ArrayList<>();
        private final List<String> spread = new ArrayList<>();
        private Integer maxReplicasPerNode;
        private Resources limits = Resources.none();
        private Resources reservations = Resources.none();
        private RestartPolicy restartPolicy;
        private UpdatePolicy updateConfig;
        private UpdatePolicy rollbackConfig;
        private HealthCheck healthCheck;
        private final List<SecretRef> secrets = new ArrayList<>();
        private final List<ConfigRef> configs = new ArrayList<>();
        private String user;
        private String workdir;
        private String hostname;
        private Duration stopGracePeriod;
        private String stopSignal;
        private final List<String> capAdd = new ArrayList<>();
        private final List<String> capDrop = new ArrayList<>();
        private final Map<String, String> sysctls = new LinkedHashMap<>();
        private final List<Ulimit> ulimits = new ArrayList<>();
        private final Map<String, String> hosts = new LinkedHashMap<>();
        private final List<String> dns = new ArrayList<>();
        private final List<String> dnsSearch = new ArrayList<>();
        private boolean tty;
        private boolean openStdin;
        private boolean readOnly;
        private Boolean init;
        private LogDriver logDriver;

        Builder(Swarm swarm, String image) {
            this.swarm = swarm;
            this.image = Objects.requireNonNull(image, "image");
        }

        Builder(Swarm swarm, ServiceSpec s) {
            this.swarm = swarm;
            name = s.name.orElse(null);
            image = s.image;
            mode = s.mode;
            entrypoint = s.entrypoint.orElse(null);
            command = s.command.orElse(null);
            env.putAll(s.env);
            labels.putAll(s.labels);
            containerLabels.putAll(s.containerLabels);
            ports.addAll(s.ports);
            endpointMode = s.endpointMode.orElse(null);
            networks.addAll(s.networks);
            mounts.addAll(s.mounts);
            constraints.addAll(s.constraints);
            spread.addAll(s.spreadPreferences);
            maxReplicasPerNode = s.maxReplicasPerNode.orElse(null);
            limits = s.limits.orElse(Resources.none());
            reservations = s.reservations.orElse(Resources.none());
            restartPolicy = s.restartPolicy.orElse(null);
            updateConfig = s.updateConfig.orElse(null);
            rollbackConfig = s.rollbackConfig.orElse(null);
            healthCheck = s.healthCheck.orElse(null);
            secrets.addAll(s.secrets);
            configs.addAll(s.configs);
            user = s.user.orElse(null);
            workdir = s.workdir.orElse(null);
            hostname = s.hostname.orElse(null);
            stopGracePeriod = s.stopGracePeriod.orElse(null);
            stopSignal = s.stopSignal.orElse(null);
            capAdd.addAll(s.capAdd);
            capDrop.addAll(s.capDrop);
            sysctls.putAll(s.sysctls);
            ulimits.addAll(s.ulimits);
            hosts.putAll(s.hosts);
            dns.addAll(s.dns);
            dnsSearch.addAll(s.dnsSearch);
            tty = s.tty;
            openStdin = s.openStdin;
            readOnly = s.readOnly;
            init = s.init.orElse(null);
            logDriver = s.logDriver.orElse(null);
        }

        /** The service's name ({@code --name}); without one the swarm picks a random name. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The image the tasks run. */
        public Builder image(String image) {
            this.image = Objects.requireNonNull(image, "image");
            return this;
        }

        /** Replicated mode with {@code n} tasks ({@code --replicas}). */
        public Builder replicas(int n) {
            this.mode = ServiceMode.replicated(n);
            return this;
        }

        /** One task per eligible node ({@code --mode global}). */
        public Builder global() {
            this.mode = ServiceMode.global();
            return this;
        }

        /** Any mode, including the job modes ({@code --mode}). */
        public Builder mode(ServiceMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Overrides the image's entrypoint ({@code --entrypoint}; the engine's {@code Command}). */
        public Builder entrypoint(String... entrypoint) {
            this.entrypoint = List.of(entrypoint);
            return this;
        }

        /** The command and its arguments, what follows the image on the CLI (the engine's {@code Args}). */
        public Builder command(String... command) {
            this.command = List.of(command);
            return this;
        }

        /** The command as a list. */
        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /** Sets an environment variable ({@code --env}); values may use templates such as {@code {{.Node.ID}}}. */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets several environment variables. */
        public Builder env(Map<String, String> vars) {
            vars.forEach(this::env);
            return this;
        }

        /**
         * Sets an environment variable whose value is secret: the service's containers get it as
         * {@link #env(String, String)} sets it, but {@code toString()} of this spec, and of the spec read back from
         * the swarm, prints {@code ****} (the names are kept in the service label {@link Labels#SECRET_ENV}). The
         * swarm stores the value in the service's spec, where {@code docker service inspect} shows it; for data that
         * must not be there either, use a {@link SecretSpec swarm secret}.
         */
        public Builder secretEnv(String key, String value) {
            env(key, value);
            Set<String> names = Secrets.names(labels.get(Labels.SECRET_ENV));
            names.add(key);
            labels.put(Labels.SECRET_ENV, String.join(",", names));
            return this;
        }

        /** A label on the service ({@code --label}). */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A label on the service's containers ({@code --container-label}). */
        public Builder containerLabel(String key, String value) {
            containerLabels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Publishes TCP {@code target} on {@code published} of every node ({@code --publish published:target}). */
        public Builder publish(int published, int target) {
            return publish(ServicePort.of(published, target));
        }

        /** Publishes a port ({@code --publish published=…,target=…,protocol=…,mode=…}). */
        public Builder publish(ServicePort port) {
            ports.add(Objects.requireNonNull(port, "port"));
            return this;
        }

        /** VIP or DNS round robin ({@code --endpoint-mode}). */
        public Builder endpointMode(EndpointMode mode) {
            this.endpointMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Joins a network by name or id ({@code --network}), with optional aliases. */
        public Builder network(String network, String... aliases) {
            return network(ServiceNetwork.of(network, aliases));
        }

        /** Joins a network with aliases and driver options. */
        public Builder network(ServiceNetwork network) {
            networks.add(Objects.requireNonNull(network, "network"));
            return this;
        }

        /** Mounts storage ({@code --mount}). */
        public Builder mount(ServiceMount mount) {
            mounts.add(Objects.requireNonNull(mount, "mount"));
            return this;
        }

        /** Mounts a named volume ({@code --mount type=volume,source=…,target=…}). */
        public Builder volume(String name, String target) {
            return mount(ServiceMount.volume(name, target));
        }

        /** Mounts a node path ({@code --mount type=bind,source=…,target=…}). */
        public Builder bind(Path source, String target) {
            return mount(ServiceMount.bind(source, target));
        }

        /** Mounts a tmpfs ({@code --mount type=tmpfs,target=…}). */
        public Builder tmpfs(String target) {
            return mount(ServiceMount.tmpfs(target));
        }

        /** A placement constraint such as {@code node.role==manager} ({@code --constraint}). */
        public Builder constraint(String constraint) {
            constraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        /** Spreads tasks evenly over the values of a node attribute ({@code --placement-pref spread=node.labels.zone}). */
        public Builder spread(String descriptor) {
            spread.add(Objects.requireNonNull(descriptor, "descriptor"));
            return this;
        }

        /** At most {@code n} tasks of this service per node ({@code --replicas-max-per-node}). */
        public Builder maxReplicasPerNode(int n) {
            this.maxReplicasPerNode = n;
            return this;
        }

        /** Limits the CPUs of each task ({@code --limit-cpu}). */
        public Builder limitCpus(double cpus) {
            limits = limits.cpus(cpus);
            return this;
        }

        /** Limits the memory of each task in bytes ({@code --limit-memory}). */
        public Builder limitMemory(long bytes) {
            limits = limits.memory(bytes);
            return this;
        }

        /** Limits the processes of each task ({@code --limit-pids}). */
        public Builder limitPids(long pids) {
            limits = limits.pids(pids);
            return this;
        }

        /** Reserves CPUs for each task ({@code --reserve-cpu}). */
        public Builder reserveCpus(double cpus) {
            reservations = reservations.cpus(cpus);
            return this;
        }

        /** Reserves memory for each task in bytes ({@code --reserve-memory}). */
        public Builder reserveMemory(long bytes) {
            reservations = reservations.memory(bytes);
            return this;
        }

        /** How stopped tasks are replaced ({@code --restart-*}). */
        public Builder restart(RestartPolicy policy) {
            this.restartPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How updates roll out ({@code --update-*}). */
        public Builder updateConfig(UpdatePolicy policy) {
            this.updateConfig = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How rollbacks roll out ({@code --rollback-*}). */
        public Builder rollbackConfig(UpdatePolicy policy) {
            this.rollbackConfig = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The containers' health check ({@code --health-*}); tasks count as running once healthy. */
        public Builder healthCheck(HealthCheck check) {
            this.healthCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /** Gives the tasks a secret at {@code /run/secrets/NAME} ({@code --secret NAME}). */
        public Builder secret(String secret) {
            return secret(SecretRef.of(secret));
        }

        /** Gives the tasks a secret with target, owner and mode. */
        public Builder secret(SecretRef secret) {
            secrets.add(Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /** Gives the tasks a config at {@code target} ({@code --config source=NAME,target=…}). */
        public Builder config(String config, String target) {
            return config(ConfigRef.of(config, target));
        }

        /** Gives the tasks a config with target, owner and mode. */
        public Builder config(ConfigRef config) {
            configs.add(Objects.requireNonNull(config, "config"));
            return this;
        }

        /** The user the processes run as ({@code --user}). */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** The working directory ({@code --workdir}). */
        public Builder workdir(String workdir) {
            this.workdir = Objects.requireNonNull(workdir, "workdir");
            return this;
        }

        /** The containers' hostname ({@code --hostname}); templates such as {@code {{.Task.Slot}}} work. */
        public Builder hostname(String hostname) {
            this.hostname = Objects.requireNonNull(hostname, "hostname");
            return this;
        }

        /** How long a task may take to stop before it is killed ({@code --stop-grace-period}). */
        public Builder stopGracePeriod(Duration d) {
            this.stopGracePeriod = Objects.requireNonNull(d, "d");
            return this;
        }

        /** The signal that stops the containers ({@code --stop-signal}). */
        public Builder stopSignal(String signal) {
            this.stopSignal = Objects.requireNonNull(signal, "signal");
            return this;
        }

        /** Adds Linux capabilities ({@code --cap-add}). */
        public Builder capAdd(String... caps) {
            capAdd.addAll(Arrays.asList(caps));
            return this;
        }

        /** Drops Linux capabilities ({@code --cap-drop}). */
        public Builder capDrop(String... caps) {
            capDrop.addAll(Arrays.asList(caps));
            return this;
        }

        /** A namespaced kernel parameter ({@code --sysctl}). */
        public Builder sysctl(String key, String value) {
            sysctls.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A resource limit ({@code --ulimit name=soft:hard}). */
        public Builder ulimit(String name, long soft, long hard) {
            ulimits.add(new Ulimit(name, soft, hard));
            return this;
        }

        /** An /etc/hosts entry ({@code --host hostname:ip}). */
        public Builder host(String hostname, String ip) {
            hosts.put(Objects.requireNonNull(hostname, "hostname"), Objects.requireNonNull(ip, "ip"));
            return this;
        }

        /** A DNS server ({@code --dns}). */
        public Builder dns(String server) {
            dns.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        /** A DNS search domain ({@code --dns-search}). */
        public Builder dnsSearch(String domain) {
            dnsSearch.add(Objects.requireNonNull(domain, "domain"));
            return this;
        }

        /** Allocates a TTY ({@code --tty}). */
        public Builder tty() {
            this.tty = true;
            return this;
        }

        /** Keeps stdin open (compose's {@code stdin_open}). */
        public Builder openStdin() {
            this.openStdin = true;
            return this;
        }

        /** Mounts the root filesystem read-only ({@code --read-only}). */
        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        /** Runs an init process as PID 1 ({@code --init}). */
        public Builder init() {
            this.init = true;
            return this;
        }

        /** The log driver ({@code --log-driver}, {@code --log-opt}). */
        public Builder logDriver(LogDriver driver) {
            this.logDriver = Objects.requireNonNull(driver, "driver");
            return this;
        }

        /** The immutable spec. */
        public ServiceSpec build() {
            return new ServiceSpec(Optional.ofNullable(name), image, mode, Optional.ofNullable(entrypoint),
                    Optional.ofNullable(command), env, labels, containerLabels, ports, Optional.ofNullable(endpointMode),
                    networks, mounts, constraints, spread, Optional.ofNullable(maxReplicasPerNode), Optional.of(limits),
                    Optional.of(reservations), Optional.ofNullable(restartPolicy), Optional.ofNullable(updateConfig),
                    Optional.ofNullable(rollbackConfig), Optional.ofNullable(healthCheck), secrets, configs,
                    Optional.ofNullable(user), Optional.ofNullable(workdir), Optional.ofNullable(hostname),
                    Optional.ofNullable(stopGracePeriod), Optional.ofNullable(stopSignal), capAdd, capDrop, sysctls,
                    ulimits, hosts, dns, dnsSearch, tty, openStdin, readOnly, Optional.ofNullable(init),
                    Optional.ofNullable(logDriver));
        }

        /**
         * Creates the service ({@code docker service create -d}) and returns its handle without waiting; chain
         * {@link Service#awaitConverged(java.time.Duration)} to wait until its tasks run.
         *
         * @throws IllegalStateException if this builder is not bound to a swarm
         */
        public Service create() {
            if (swarm == null) {
                throw new IllegalStateException("This builder is not bound to a swarm; use swarm.service(image) or"
                        + " swarm.service(spec)");
            }
            return swarm.create(build());
        }
    }
}
