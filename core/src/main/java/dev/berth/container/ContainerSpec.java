package dev.berth.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import dev.berth.Engine;
import dev.berth.internal.Secrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Everything {@code docker run} needs to create a container, as an immutable value; compose's containers are made
 * from it too.
 *
 * <p>Build one with {@link #builder(String)} or, bound to an engine, with {@code engine.container(image)}; change a
 * copy with {@link #toBuilder()}:
 * <pre>{@code
 * Container web = engine.container("nginx:1.25").name("web").publish(8080, 80).detached().run();
 * }</pre>
 * Empty optionals and collections mean "the image's (or the engine's) default". Each value is named after its
 * {@code docker run} flag; the class is final with a private constructor so that flags can be added without breaking
 * callers.
 */
public final class ContainerSpec {
    private static final List<String> NAMES = List.of("image", "name", "command", "entrypoint", "env", "secretEnv", "unsetEnv",
            "ports", "expose", "labels", "mounts", "tmpfs", "volumesFrom", "networks", "networkDisabled", "restart",
            "user", "groupAdd", "workdir", "hostname", "domainname", "healthCheck", "memoryBytes",
            "memoryReservationBytes", "memorySwapBytes", "shmSizeBytes", "cpus", "cpuShares", "cpuPeriod", "cpuQuota",
            "cpusetCpus", "pidsLimit", "ulimits", "devices", "oomScoreAdj", "cgroupParent", "autoRemove", "privileged",
            "capAdd", "capDrop", "securityOpt", "sysctls", "ipc", "pid", "uts", "userns", "cgroupns", "runtime",
            "extraHosts", "dns", "dnsSearch", "dnsOptions", "logDriver", "logOptions", "stopSignal", "stopTimeout",
            "tty", "stdinOpen", "init", "readOnlyRootfs", "pull", "customizer");

    private static final int ENV = NAMES.indexOf("env");

    private final String image;
    private final Optional<String> name;
    private final Optional<List<String>> command;
    private final Optional<List<String>> entrypoint;
    private final Map<String, String> env;
    private final Set<String> secretEnv;
    private final List<String> unsetEnv;
    private final List<PortBinding> ports;
    private final List<ExposedPort> expose;
    private final Map<String, String> labels;
    private final List<Mount> mounts;
    private final Map<String, String> tmpfs;
    private final List<String> volumesFrom;
    private final List<NetworkAttachment> networks;
    private final boolean networkDisabled;
    private final Optional<RestartPolicy> restart;
    private final Optional<String> user;
    private final List<String> groupAdd;
    private final Optional<String> workdir;
    private final Optional<String> hostname;
    private final Optional<String> domainname;
    private final Optional<HealthCheck> healthCheck;
    private final Optional<Long> memoryBytes;
    private final Optional<Long> memoryReservationBytes;
    private final Optional<Long> memorySwapBytes;
    private final Optional<Long> shmSizeBytes;
    private final Optional<Double> cpus;
    private final Optional<Long> cpuShares;
    private final Optional<Long> cpuPeriod;
    private final Optional<Long> cpuQuota;
    private final Optional<String> cpusetCpus;
    private final Optional<Long> pidsLimit;
    private final List<Ulimit> ulimits;
    private final List<Device> devices;
    private final Optional<Integer> oomScoreAdj;
    private final Optional<String> cgroupParent;
    private final boolean autoRemove;
    private final boolean privileged;
    private final List<String> capAdd;
    private final List<String> capDrop;
    private final List<String> securityOpt;
    private final Map<String, String> sysctls;
    private final Optional<String> ipc;
    private final Optional<String> pid;
    private final Optional<String> uts;
    private final Optional<String> userns;
    private final Optional<String> cgroupns;
    private final Optional<String> runtime;
    private final List<String> extraHosts;
    private final List<String> dns;
    private final List<String> dnsSearch;
    private final List<String> dnsOptions;
    private final Optional<String> logDriver;
    private final Map<String, String> logOptions;
    private final Optional<String> stopSignal;
    private final Optional<Duration> stopTimeout;
    private final boolean tty;
    private final boolean stdinOpen;
    private final boolean init;
    private final boolean readOnlyRootfs;
    private final PullPolicy pull;
    private final Optional<Consumer<CreateContainerCmd>> customizer;

    private ContainerSpec(Builder b) {
        image = b.image;
        name = Optional.ofNullable(b.name);
        command = Optional.ofNullable(b.command).map(List::copyOf);
        entrypoint = Optional.ofNullable(b.entrypoint).map(List::copyOf);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        secretEnv = Collections.unmodifiableSet(new LinkedHashSet<>(b.secretEnv));
        unsetEnv = List.copyOf(b.unsetEnv);
        ports = List.copyOf(b.ports);
        expose = List.copyOf(b.expose);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
        mounts = List.copyOf(b.mounts);
        tmpfs = Collections.unmodifiableMap(new LinkedHashMap<>(b.tmpfs));
        volumesFrom = List.copyOf(b.volumesFrom);
        networks = List.copyOf(b.networks);
        networkDisabled = b.networkDisabled;
        restart = Optional.ofNullable(b.restart);
        user = Optional.ofNullable(b.user);
        groupAdd = List.copyOf(b.groupAdd);
        workdir = Optional.ofNullable(b.workdir);
        hostname = Optional.ofNullable(b.hostname);
        domainname = Optional.ofNullable(b.domainname);
        healthCheck = Optional.ofNullable(b.healthCheck);
        memoryBytes = Optional.ofNullable(b.memoryBytes);
        memoryReservationBytes = Optional.ofNullable(b.memoryReservationBytes);
        memorySwapBytes = Optional.ofNullable(b.memorySwapBytes);
        shmSizeBytes = Optional.ofNullable(b.shmSizeBytes);
        cpus = Optional.ofNullable(b.cpus);
        cpuShares = Optional.ofNullable(b.cpuShares);
        cpuPeriod = Optional.ofNullable(b.cpuPeriod);
        cpuQuota = Optional.ofNullable(b.cpuQuota);
        cpusetCpus = Optional.ofNullable(b.cpusetCpus);
        pidsLimit = Optional.ofNullable(b.pidsLimit);
        ulimits = List.copyOf(b.ulimits);
        devices = List.copyOf(b.devices);
        oomScoreAdj = Optional.ofNullable(b.oomScoreAdj);
        cgroupParent = Optional.ofNullable(b.cgroupParent);
        autoRemove = b.autoRemove;
        privileged = b.privileged;
        capAdd = List.copyOf(b.capAdd);
        capDrop = List.copyOf(b.capDrop);
        securityOpt = List.copyOf(b.securityOpt);
        sysctls = Collections.unmodifiableMap(new LinkedHashMap<>(b.sysctls));
        ipc = Optional.ofNullable(b.ipc);
        pid = Optional.ofNullable(b.pid);
        uts = Optional.ofNullable(b.uts);
        userns = Optional.ofNullable(b.userns);
        cgroupns = Optional.ofNullable(b.cgroupns);
        runtime = Optional.ofNullable(b.runtime);
        extraHosts = List.copyOf(b.extraHosts);
        dns = List.copyOf(b.dns);
        dnsSearch = List.copyOf(b.dnsSearch);
        dnsOptions = List.copyOf(b.dnsOptions);
        logDriver = Optional.ofNullable(b.logDriver);
        logOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.logOptions));
        stopSignal = Optional.ofNullable(b.stopSignal);
        stopTimeout = Optional.ofNullable(b.stopTimeout);
        tty = b.tty;
        stdinOpen = b.stdinOpen;
        init = b.init;
        readOnlyRootfs = b.readOnlyRootfs;
        pull = b.pull;
        customizer = Optional.ofNullable(b.customizer);
        check();
    }

    private void check() {
        if (image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank");
        }
        long builtIn = networks.stream().filter(n -> n.isBuiltInMode() && !n.network().equals("bridge")).count();
        if (builtIn > 0 && networks.size() > 1) {
            throw new IllegalArgumentException("network modes host, none and container:… cannot be combined with other"
                    + " networks: " + networks.stream().map(NetworkAttachment::network).toList());
        }
        if (networkDisabled && !networks.isEmpty()) {
            throw new IllegalArgumentException("a container without networking joins no network, but networks "
                    + networks.stream().map(NetworkAttachment::network).toList() + " were given");
        }
        if (autoRemove && restart.isPresent() && restart.get().mode() != RestartPolicy.Mode.NO) {
            throw new IllegalArgumentException("autoRemove (--rm) and restart policy '" + restart.get()
                    + "' conflict; the docker CLI refuses them together too");
        }
        for (String target : tmpfs.keySet()) {
            if (mounts.stream().anyMatch(m -> m.target().equals(target))) {
                throw new IllegalArgumentException("Duplicate mount point: " + target);
            }
        }
    }

    /** The image to run. */
    public String image() {
        return image;
    }

    /** The container name ({@code --name}), if set. */
    public Optional<String> name() {
        return name;
    }

    /** The command replacing the image's CMD, if set. */
    public Optional<List<String>> command() {
        return command;
    }

    /** The entrypoint replacing the image's ENTRYPOINT ({@code --entrypoint}), if set; empty clears it. */
    public Optional<List<String>> entrypoint() {
        return entrypoint;
    }

    /** Environment variables ({@code -e KEY=VALUE}), in the order set. */
    public Map<String, String> env() {
        return env;
    }

    /**
     * The names of the variables in {@link #env()} whose values are secret ({@link Builder#secretEnv}): masked as
     * {@code ****} in {@code toString()} here and in {@link ContainerInfo}, which finds them through the
     * {@link dev.berth.Labels#SECRET_ENV} label.
     */
    public Set<String> secretEnv() {
        return secretEnv;
    }

    /** Variables of the image's environment to remove ({@code -e KEY} for a {@code KEY} that is not set). */
    public List<String> unsetEnv() {
        return unsetEnv;
    }

    /** Published ports ({@code -p}). */
    public List<PortBinding> ports() {
        return ports;
    }

    /** Ports exposed without publishing ({@code --expose}). */
    public List<ExposedPort> expose() {
        return expose;
    }

    /** The user's labels ({@code --label}); Berth adds its own on create. */
    public Map<String, String> labels() {
        return labels;
    }

    /** Volumes and bind mounts ({@code -v}, {@code --mount}). */
    public List<Mount> mounts() {
        return mounts;
    }

    /** Tmpfs mounts by target path, with their mount options ({@code --tmpfs /run:size=64m}). */
    public Map<String, String> tmpfs() {
        return tmpfs;
    }

    /** Containers whose volumes are mounted too, as {@code NAME[:ro|rw]} ({@code --volumes-from}). */
    public List<String> volumesFrom() {
        return volumesFrom;
    }

    /** Networks to join, the first one as the network mode ({@code --network}). */
    public List<NetworkAttachment> networks() {
        return networks;
    }

    /** Whether the container has no networking at all (Compose's {@code network_mode: disabled}). */
    public boolean networkDisabled() {
        return networkDisabled;
    }

    /** What the engine does when the container exits ({@code --restart}), if set. */
    public Optional<RestartPolicy> restart() {
        return restart;
    }

    /** The user to run as ({@code --user}), if set. */
    public Optional<String> user() {
        return user;
    }

    /** Additional groups of that user ({@code --group-add}). */
    public List<String> groupAdd() {
        return groupAdd;
    }

    /** The working directory ({@code --workdir}), if set. */
    public Optional<String> workdir() {
        return workdir;
    }

    /** The host name ({@code --hostname}), if set. */
    public Optional<String> hostname() {
        return hostname;
    }

    /** The domain name ({@code --domainname}), if set. */
    public Optional<String> domainname() {
        return domainname;
    }

    /** The health check replacing the image's ({@code --health-*}), if set. */
    public Optional<HealthCheck> healthCheck() {
        return healthCheck;
    }

    /** The memory limit in bytes ({@code --memory}), if set. */
    public Optional<Long> memoryBytes() {
        return memoryBytes;
    }

    /** The memory soft limit in bytes ({@code --memory-reservation}), if set. */
    public Optional<Long> memoryReservationBytes() {
        return memoryReservationBytes;
    }

    /** Memory plus swap in bytes, -1 for unlimited ({@code --memory-swap}), if set. */
    public Optional<Long> memorySwapBytes() {
        return memorySwapBytes;
    }

    /** The size of {@code /dev/shm} in bytes ({@code --shm-size}), if set. */
    public Optional<Long> shmSizeBytes() {
        return shmSizeBytes;
    }

    /** The CPU limit in CPUs ({@code --cpus}), if set. */
    public Optional<Double> cpus() {
        return cpus;
    }

    /** The relative CPU weight ({@code --cpu-shares}), if set. */
    public Optional<Long> cpuShares() {
        return cpuShares;
    }

    /** The CFS period in microseconds ({@code --cpu-period}), if set. */
    public Optional<Long> cpuPeriod() {
        return cpuPeriod;
    }

    /** The CFS quota in microseconds ({@code --cpu-quota}), if set. */
    public Optional<Long> cpuQuota() {
        return cpuQuota;
    }

    /** The CPUs the container may use, e.g. {@code 0-1} ({@code --cpuset-cpus}), if set. */
    public Optional<String> cpusetCpus() {
        return cpusetCpus;
    }

    /** The most processes the container may run, -1 for unlimited ({@code --pids-limit}), if set. */
    public Optional<Long> pidsLimit() {
        return pidsLimit;
    }

    /** Resource limits of the processes ({@code --ulimit}). */
    public List<Ulimit> ulimits() {
        return ulimits;
    }

    /** Host devices in the container ({@code --device}). */
    public List<Device> devices() {
        return devices;
    }

    /** The OOM killer's preference adjustment ({@code --oom-score-adj}), if set. */
    public Optional<Integer> oomScoreAdj() {
        return oomScoreAdj;
    }

    /** The parent cgroup ({@code --cgroup-parent}), if set. */
    public Optional<String> cgroupParent() {
        return cgroupParent;
    }

    /** Whether the container is removed when it exits ({@code --rm}). */
    public boolean autoRemove() {
        return autoRemove;
    }

    /** Whether the container has extended privileges ({@code --privileged}). */
    public boolean privileged() {
        return privileged;
    }

    /** Capabilities added ({@code --cap-add}). */
    public List<String> capAdd() {
        return capAdd;
    }

    /** Capabilities dropped ({@code --cap-drop}). */
    public List<String> capDrop() {
        return capDrop;
    }

    /** Security options such as {@code no-new-privileges} ({@code --security-opt}). */
    public List<String> securityOpt() {
        return securityOpt;
    }

    /** Namespaced kernel parameters ({@code --sysctl}). */
    public Map<String, String> sysctls() {
        return sysctls;
    }

    /** The IPC namespace mode ({@code --ipc}), if set. */
    public Optional<String> ipc() {
        return ipc;
    }

    /** The PID namespace mode ({@code --pid}), if set. */
    public Optional<String> pid() {
        return pid;
    }

    /** The UTS namespace mode ({@code --uts}), if set. */
    public Optional<String> uts() {
        return uts;
    }

    /** The user namespace mode ({@code --userns}), if set. */
    public Optional<String> userns() {
        return userns;
    }

    /** The cgroup namespace mode, {@code host} or {@code private} ({@code --cgroupns}), if set. */
    public Optional<String> cgroupns() {
        return cgroupns;
    }

    /** The OCI runtime ({@code --runtime}), if set. */
    public Optional<String> runtime() {
        return runtime;
    }

    /** Extra {@code /etc/hosts} lines as {@code HOST:IP} ({@code --add-host}). */
    public List<String> extraHosts() {
        return extraHosts;
    }

    /** DNS servers ({@code --dns}). */
    public List<String> dns() {
        return dns;
    }

    /** DNS search domains ({@code --dns-search}). */
    public List<String> dnsSearch() {
        return dnsSearch;
    }

    /** DNS resolver options ({@code --dns-option}). */
    public List<String> dnsOptions() {
        return dnsOptions;
    }

    /** The log driver ({@code --log-driver}), if set. */
    public Optional<String> logDriver() {
        return logDriver;
    }

    /** Options of the log driver ({@code --log-opt}). */
    public Map<String, String> logOptions() {
        return logOptions;
    }

    /** The signal that stops the container ({@code --stop-signal}), if set. */
    public Optional<String> stopSignal() {
        return stopSignal;
    }

    /** How long a stop waits before killing ({@code --stop-timeout}), if set. */
    public Optional<Duration> stopTimeout() {
        return stopTimeout;
    }

    /** Whether a pseudo-TTY is allocated ({@code -t}). */
    public boolean tty() {
        return tty;
    }

    /** Whether stdin stays open ({@code -i}). */
    public boolean stdinOpen() {
        return stdinOpen;
    }

    /** Whether an init process runs as PID 1 ({@code --init}). */
    public boolean init() {
        return init;
    }

    /** Whether the root file system is read-only ({@code --read-only}). */
    public boolean readOnlyRootfs() {
        return readOnlyRootfs;
    }

    /** When to pull the image ({@code --pull}). */
    public PullPolicy pull() {
        return pull;
    }

    /** The docker-java escape hatch set by {@link Builder#customize}, if any. */
    public Optional<Consumer<CreateContainerCmd>> customizer() {
        return customizer;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ContainerSpec other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /** The image and every value that is set, e.g. {@code ContainerSpec[image=nginx, ports=[8080:80/tcp]]}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "ContainerSpec[", "]");
        List<Object> values = values();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            boolean set = v instanceof Optional<?> o ? o.isPresent() : v instanceof Collection<?> c ? !c.isEmpty()
                    : v instanceof Map<?, ?> m ? !m.isEmpty() : !Boolean.FALSE.equals(v) && v != PullPolicy.MISSING;
            if (set) {
                Object shown = i == ENV ? Secrets.mask(env, secretEnv) : v instanceof Optional<?> o ? o.get() : v;
                out.add(NAMES.get(i) + "=" + shown);
            }
        }
        return out.toString();
    }

    private List<Object> values() {
        return Arrays.asList(image, name, command, entrypoint, env, secretEnv, unsetEnv, ports, expose, labels, mounts, tmpfs,
                volumesFrom, networks, networkDisabled, restart, user, groupAdd, workdir, hostname, domainname,
                healthCheck, memoryBytes, memoryReservationBytes, memorySwapBytes, shmSizeBytes, cpus, cpuShares,
                cpuPeriod, cpuQuota, cpusetCpus, pidsLimit, ulimits, devices, oomScoreAdj, cgroupParent, autoRemove,
                privileged, capAdd, capDrop, securityOpt, sysctls, ipc, pid, uts, userns, cgroupns, runtime, extraHosts,
                dns, dnsSearch, dnsOptions, logDriver, logOptions, stopSignal, stopTimeout, tty, stdinOpen, init,
                readOnlyRootfs, pull, customizer);
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
        private final Set<String> secretEnv = new LinkedHashSet<>();
        private final List<String> unsetEnv = new ArrayList<>();
        private final List<PortBinding> ports = new ArrayList<>();
        private final List<ExposedPort> expose = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();
        private final Map<String, String> tmpfs = new LinkedHashMap<>();
        private final List<String> volumesFrom = new ArrayList<>();
        private final List<NetworkAttachment> networks = new ArrayList<>();
        private boolean networkDisabled;
        private RestartPolicy restart;
        private String user;
        private final List<String> groupAdd = new ArrayList<>();
        private String workdir;
        private String hostname;
        private String domainname;
        private HealthCheck healthCheck;
        private Long memoryBytes;
        private Long memoryReservationBytes;
        private Long memorySwapBytes;
        private Long shmSizeBytes;
        private Double cpus;
        private Long cpuShares;
        private Long cpuPeriod;
        private Long cpuQuota;
        private String cpusetCpus;
        private Long pidsLimit;
        private final List<Ulimit> ulimits = new ArrayList<>();
        private final List<Device> devices = new ArrayList<>();
        private Integer oomScoreAdj;
        private String cgroupParent;
        private boolean autoRemove;
        private boolean privileged;
        private final List<String> capAdd = new ArrayList<>();
        private final List<String> capDrop = new ArrayList<>();
        private final List<String> securityOpt = new ArrayList<>();
        private final Map<String, String> sysctls = new LinkedHashMap<>();
        private String ipc;
        private String pid;
        private String uts;
        private String userns;
        private String cgroupns;
        private String runtime;
        private final List<String> extraHosts = new ArrayList<>();
        private final List<String> dns = new ArrayList<>();
        private final List<String> dnsSearch = new ArrayList<>();
        private final List<String> dnsOptions = new ArrayList<>();
        private String logDriver;
        private final Map<String, String> logOptions = new LinkedHashMap<>();
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
            secretEnv.addAll(s.secretEnv);
            unsetEnv.addAll(s.unsetEnv);
            ports.addAll(s.ports);
            expose.addAll(s.expose);
            labels.putAll(s.labels);
            mounts.addAll(s.mounts);
            tmpfs.putAll(s.tmpfs);
            volumesFrom.addAll(s.volumesFrom);
            networks.addAll(s.networks);
            networkDisabled = s.networkDisabled;
            restart = s.restart.orElse(null);
            user = s.user.orElse(null);
            groupAdd.addAll(s.groupAdd);
            workdir = s.workdir.orElse(null);
            hostname = s.hostname.orElse(null);
            domainname = s.domainname.orElse(null);
            healthCheck = s.healthCheck.orElse(null);
            memoryBytes = s.memoryBytes.orElse(null);
            memoryReservationBytes = s.memoryReservationBytes.orElse(null);
            memorySwapBytes = s.memorySwapBytes.orElse(null);
            shmSizeBytes = s.shmSizeBytes.orElse(null);
            cpus = s.cpus.orElse(null);
            cpuShares = s.cpuShares.orElse(null);
            cpuPeriod = s.cpuPeriod.orElse(null);
            cpuQuota = s.cpuQuota.orElse(null);
            cpusetCpus = s.cpusetCpus.orElse(null);
            pidsLimit = s.pidsLimit.orElse(null);
            ulimits.addAll(s.ulimits);
            devices.addAll(s.devices);
            oomScoreAdj = s.oomScoreAdj.orElse(null);
            cgroupParent = s.cgroupParent.orElse(null);
            autoRemove = s.autoRemove;
            privileged = s.privileged;
            capAdd.addAll(s.capAdd);
            capDrop.addAll(s.capDrop);
            securityOpt.addAll(s.securityOpt);
            sysctls.putAll(s.sysctls);
            ipc = s.ipc.orElse(null);
            pid = s.pid.orElse(null);
            uts = s.uts.orElse(null);
            userns = s.userns.orElse(null);
            cgroupns = s.cgroupns.orElse(null);
            runtime = s.runtime.orElse(null);
            extraHosts.addAll(s.extraHosts);
            dns.addAll(s.dns);
            dnsSearch.addAll(s.dnsSearch);
            dnsOptions.addAll(s.dnsOptions);
            logDriver = s.logDriver.orElse(null);
            logOptions.putAll(s.logOptions);
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
            Objects.requireNonNull(image, "image");
            if (image.isBlank()) {
                throw new IllegalArgumentException("image must not be blank");
            }
            this.image = image;
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
            return entrypoint(List.of(entrypoint));
        }

        /** The entrypoint, replacing the image's ENTRYPOINT; an empty list clears it. */
        public Builder entrypoint(List<String> entrypoint) {
            this.entrypoint = List.copyOf(entrypoint);
            return this;
        }

        /** Sets one environment variable ({@code -e KEY=VALUE}). */
        public Builder env(String key, String value) {
            Objects.requireNonNull(value, "value");
            unsetEnv.remove(checkEnvKey(key));
            env.put(key, value);
            return this;
        }

        /** Sets several environment variables. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /**
         * Sets an environment variable whose value is secret (a password, a token): the container gets it as
         * {@link #env(String, String)} sets it, but Berth never shows the value: {@code toString()} of the spec and of
         * the container's {@link ContainerInfo} print {@code ****}, and no log line or exception message holds it.
         * The name stays visible. (The engine itself stores the value in the container's configuration, where
         * {@code docker inspect} shows it; for data that must not be there either, use a swarm secret or a mounted
         * file.)
         */
        public Builder secretEnv(String key, String value) {
            env(key, value);
            secretEnv.add(key);
            return this;
        }

        /**
         * Reads environment variables from a file now, as {@code --env-file}: {@code KEY=VALUE} lines, {@code #}
         * comments, and bare {@code KEY} lines taking the value from this process's environment.
         */
        public Builder envFile(Path file) {
            return env(EnvFile.read(file, System.getenv()));
        }

        /**
         * Removes a variable the image sets: the engine gets {@code KEY} without a value, as {@code -e KEY} sends it
         * for a {@code KEY} the docker CLI's own environment does not have (and Compose for an unset variable).
         */
        public Builder unsetEnv(String key) {
            env.remove(checkEnvKey(key));
            secretEnv.remove(key);
            if (!unsetEnv.contains(key)) {
                unsetEnv.add(key);
            }
            return this;
        }

        private static String checkEnvKey(String key) {
            Objects.requireNonNull(key, "key");
            if (key.isEmpty() || key.contains("=")) {
                throw new IllegalArgumentException("Invalid environment variable name '" + key + "'");
            }
            return key;
        }

        /** Publishes a container TCP port on a host port on all host addresses ({@code -p HOST:CONTAINER}). */
        public Builder publish(int hostPort, int containerPort) {
            return publish(PortBinding.of(hostPort, containerPort));
        }

        /** Publishes a container TCP port on a random host port ({@code -p CONTAINER}). */
        public Builder publish(int containerPort) {
            return publish(PortBinding.random(containerPort));
        }

        /** Publishes ports in {@code -p} syntax, e.g. {@code 127.0.0.1:8080:80/udp} or {@code 8000-8010:80}. */
        public Builder publish(String spec) {
            ports.addAll(PortBinding.parse(spec));
            return this;
        }

        /** Publishes one port binding. */
        public Builder publish(PortBinding binding) {
            ports.add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /** Exposes ports without publishing them ({@code --expose}): {@code 80}, {@code 53/udp}, {@code 8000-8010}. */
        public Builder expose(String port) {
            expose.addAll(ExposedPort.parseRange(port));
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

        /** Mounts a tmpfs at the target path ({@code --tmpfs /run}). */
        public Builder tmpfs(String target) {
            return tmpfs(target, "");
        }

        /** Mounts a tmpfs with mount options, e.g. {@code size=64m,noexec} ({@code --tmpfs /run:size=64m,noexec}). */
        public Builder tmpfs(String target, String options) {
            Objects.requireNonNull(options, "options");
            checkNewTarget(Objects.requireNonNull(target, "target"));
            if (!target.startsWith("/")) {
                throw new IllegalArgumentException("tmpfs target '" + target + "' must be an absolute path");
            }
            tmpfs.put(target, options);
            return this;
        }

        /** Adds a mount of any kind ({@code --mount}). */
        public Builder mount(Mount mount) {
            checkNewTarget(Objects.requireNonNull(mount, "mount").target());
            mounts.add(mount);
            return this;
        }

        private void checkNewTarget(String target) {
            if (tmpfs.containsKey(target) || mounts.stream().anyMatch(m -> m.target().equals(target))) {
                throw new IllegalArgumentException("Duplicate mount point: " + target);
            }
        }

        /** Mounts the volumes of another container, as {@code NAME} or {@code NAME:ro} ({@code --volumes-from}). */
        public Builder volumesFrom(String container) {
            volumesFrom.add(Objects.requireNonNull(container, "container"));
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

        /** Gives the container no networking at all, not even a loopback-only mode (Compose's {@code disabled}). */
        public Builder networkDisabled() {
            this.networkDisabled = true;
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

        /** Adds groups for the user to be a member of ({@code --group-add}). */
        public Builder groupAdd(String... groups) {
            groupAdd.addAll(List.of(groups));
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

        /** The container's domain name ({@code --domainname}). */
        public Builder domainname(String domainname) {
            this.domainname = Objects.requireNonNull(domainname, "domainname");
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

        /** The memory soft limit in bytes ({@code --memory-reservation}). */
        public Builder memoryReservation(long bytes) {
            this.memoryReservationBytes = notNegative(bytes, "memory reservation");
            return this;
        }

        /** Memory plus swap in bytes, -1 for unlimited swap ({@code --memory-swap}). */
        public Builder memorySwap(long bytes) {
            if (bytes < -1) {
                throw new IllegalArgumentException("memory swap must be -1 (unlimited) or a size, was " + bytes);
            }
            this.memorySwapBytes = bytes;
            return this;
        }

        /** The size of {@code /dev/shm} in bytes ({@code --shm-size}). */
        public Builder shmSize(long bytes) {
            this.shmSizeBytes = notNegative(bytes, "shm size");
            return this;
        }

        /** The size of {@code /dev/shm} in the CLI's syntax, e.g. {@code 64m} ({@code --shm-size}). */
        public Builder shmSize(String size) {
            return shmSize(Sizes.parseBytes(size));
        }

        /** The CPU limit in CPUs, e.g. {@code 0.5} ({@code --cpus}). */
        public Builder cpus(double cpus) {
            if (!(cpus > 0)) {
                throw new IllegalArgumentException("cpus must be positive, was " + cpus);
            }
            this.cpus = cpus;
            return this;
        }

        /** The relative CPU weight, 1024 being the default ({@code --cpu-shares}). */
        public Builder cpuShares(long shares) {
            this.cpuShares = notNegative(shares, "cpu shares");
            return this;
        }

        /** The CFS scheduler period in microseconds ({@code --cpu-period}). */
        public Builder cpuPeriod(long micros) {
            this.cpuPeriod = notNegative(micros, "cpu period");
            return this;
        }

        /** The CFS scheduler quota in microseconds per period ({@code --cpu-quota}). */
        public Builder cpuQuota(long micros) {
            this.cpuQuota = micros;
            return this;
        }

        /** The CPUs the container may run on, e.g. {@code 0-1} or {@code 0,2} ({@code --cpuset-cpus}). */
        public Builder cpusetCpus(String cpus) {
            this.cpusetCpus = Objects.requireNonNull(cpus, "cpus");
            return this;
        }

        /** The most processes the container may run, -1 for unlimited ({@code --pids-limit}). */
        public Builder pidsLimit(long limit) {
            this.pidsLimit = limit;
            return this;
        }

        /** A resource limit of the container's processes ({@code --ulimit nofile=1024:2048}). */
        public Builder ulimit(String name, long soft, long hard) {
            ulimits.add(new Ulimit(name, soft, hard));
            return this;
        }

        /** Makes a host device available, in {@code --device} syntax: {@code /dev/fuse[:/dev/fuse][:rwm]}. */
        public Builder device(String spec) {
            return device(Device.parse(spec));
        }

        /** Makes a host device available ({@code --device}). */
        public Builder device(Device device) {
            devices.add(Objects.requireNonNull(device, "device"));
            return this;
        }

        /** Tunes the OOM killer's preference, -1000 to 1000 ({@code --oom-score-adj}). */
        public Builder oomScoreAdj(int adjustment) {
            if (adjustment < -1000 || adjustment > 1000) {
                throw new IllegalArgumentException("oom score adjustment must be in -1000..1000, was " + adjustment);
            }
            this.oomScoreAdj = adjustment;
            return this;
        }

        /** The parent cgroup of the container ({@code --cgroup-parent}). */
        public Builder cgroupParent(String parent) {
            this.cgroupParent = Objects.requireNonNull(parent, "parent");
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

        /** Adds security options, e.g. {@code no-new-privileges} ({@code --security-opt}). */
        public Builder securityOpt(String... options) {
            securityOpt.addAll(List.of(options));
            return this;
        }

        /** Sets a namespaced kernel parameter, e.g. {@code net.core.somaxconn} ({@code --sysctl}). */
        public Builder sysctl(String key, String value) {
            sysctls.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The IPC namespace, e.g. {@code shareable}, {@code host} or {@code container:NAME} ({@code --ipc}). */
        public Builder ipc(String mode) {
            this.ipc = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The PID namespace: {@code host} or {@code container:NAME} ({@code --pid}). */
        public Builder pid(String mode) {
            this.pid = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The UTS namespace: {@code host} ({@code --uts}). */
        public Builder uts(String mode) {
            this.uts = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The user namespace: {@code host} ({@code --userns}). */
        public Builder userns(String mode) {
            this.userns = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The cgroup namespace: {@code host} or {@code private} ({@code --cgroupns}). */
        public Builder cgroupns(String mode) {
            this.cgroupns = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The OCI runtime, e.g. {@code runc} ({@code --runtime}). */
        public Builder runtime(String runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
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

        /** Uses these DNS search domains ({@code --dns-search}). */
        public Builder dnsSearch(String... domains) {
            dnsSearch.addAll(List.of(domains));
            return this;
        }

        /** Sets DNS resolver options, e.g. {@code ndots:2} ({@code --dns-option}). */
        public Builder dnsOption(String... options) {
            dnsOptions.addAll(List.of(options));
            return this;
        }

        /** The log driver, e.g. {@code json-file} or {@code none} ({@code --log-driver}). */
        public Builder logDriver(String driver) {
            this.logDriver = Objects.requireNonNull(driver, "driver");
            return this;
        }

        /** An option of the log driver, e.g. {@code max-size=10m} ({@code --log-opt}). */
        public Builder logOption(String key, String value) {
            logOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
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

        private static long notNegative(long value, String what) {
            if (value < 0) {
                throw new IllegalArgumentException(what + " must not be negative, was " + value);
            }
            return value;
        }

        /** The immutable spec; does no I/O. */
        public ContainerSpec build() {
            return new ContainerSpec(this);
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
