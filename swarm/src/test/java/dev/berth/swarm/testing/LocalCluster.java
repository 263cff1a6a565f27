package dev.berth.swarm.testing;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import dev.berth.swarm.NodeInfo;
import dev.berth.swarm.NodeState;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.SwarmInit;
import dev.berth.swarm.SwarmJoin;
import dev.berth.swarm.SwarmState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A multi-node swarm on this machine, following the verified recipe of {@code shared/ENGINE.md}: one Linux bridge,
 * one network namespace per node joined to it by a veth pair, one {@code dockerd} per namespace started with
 * {@code nsenter} (own data root, exec root, socket, cgroup parent and bip), a DOCKER-USER rule so the bridge forwards,
 * images copied with {@code docker save | docker load}, {@code swarm init --advertise-addr} on node 1 and
 * {@code swarm join --advertise-addr} on the others. Everything carries a unique name ({@code bswXXXX}); {@link #close()}
 * tears it all down, and {@link #cleanStale()} removes what a crashed run left. Needs root.
 */
public final class LocalCluster implements AutoCloseable {
    /** The VXLAN port the cluster is initialised with ({@code --data-path-port}); not the default 4789. */
    public static final int DATA_PATH_PORT = 7789;
    /** The pool overlay subnets come from ({@code --default-addr-pool}). */
    public static final String ADDRESS_POOL = "10.77.0.0/16";
    /** The prefix length of each overlay subnet ({@code --default-addr-pool-mask-length}). */
    public static final int SUBNET_SIZE = 26;

    /** Prefix of every bridge, namespace, data root and pid file the harness creates. */
    public static final String PREFIX = "bsw";
    private static final String ROOT = "/var/lib/berth-swarm-";
    private static final String RUN = "/var/run/berth-swarm-";
    private final String id;
    private final int subnet;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Engine> engines = new ArrayList<>();
    private boolean ruleAdded;

    /** One dockerd in its namespace. */
    private record Node(int index, String netns, String veth, String name, Process process) {
    }

    private LocalCluster(String id, int subnet) {
        this.id = id;
        this.subnet = subnet;
    }

    /**
     * Builds an {@code n}-node swarm (node 1 the manager) with the given images of the main engine loaded on every
     * node; cleans stale leftovers first. On failure everything already built is torn down.
     */
    public static LocalCluster start(int n, List<String> images) {
        cleanStale();
        Random random = new Random();
        String id = String.format(Locale.ROOT, "%04x", random.nextInt(0x10000));
        LocalCluster c = new LocalCluster(id, 1 + random.nextInt(250));
        try {
            c.build(n, images);
            return c;
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    private String bridge() {
        return PREFIX + id;
    }

    /** The address of node {@code i} (1-based) on the cluster's bridge. */
    public String address(int i) {
        return "10.231." + subnet + "." + (10 + i);
    }

    private void build(int n, List<String> images) {
        Sh.must("ip", "link", "add", bridge(), "type", "bridge");
        Sh.must("ip", "addr", "add", "10.231." + subnet + ".254/24", "dev", bridge());
        Sh.must("ip", "link", "set", bridge(), "up");
        Sh.must("iptables", "-I", "DOCKER-USER", "-i", bridge(), "-o", bridge(), "-j", "ACCEPT");
        ruleAdded = true;
        for (int i = 1; i <= n; i++) {
            String netns = bridge() + "-" + i;
            String veth = "v" + bridge() + i;
            Sh.must("ip", "netns", "add", netns);
            Sh.must("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", netns);
            Sh.must("ip", "link", "set", veth, "master", bridge(), "up");
            Sh.must("ip", "-n", netns, "addr", "add", address(i) + "/24", "dev", "eth0");
            Sh.must("ip", "-n", netns, "link", "set", "lo", "up");
            Sh.must("ip", "-n", netns, "link", "set", "eth0", "up");
            String name = id + "-" + i;
            nodes.add(new Node(i, netns, veth, name, startDaemon(netns, name, i)));
        }
        for (Node node : nodes) {
            engines.add(connect(node));
        }
        loadImages(images);
        Swarm manager = Swarm.on(engines.get(0));
        // docker swarm init with the listen, data-path and address-pool flags set, so tests can check they took effect.
        manager.init(SwarmInit.builder().advertiseAddr(address(1)).listenAddr(address(1) + ":2377")
                .dataPathAddr(address(1)).dataPathPort(DATA_PATH_PORT).defaultAddrPool(ADDRESS_POOL).subnetSize(SUBNET_SIZE)
                .taskHistoryLimit(2).build());
        String token = manager.joinTokens().worker();
        for (int i = 2; i <= n; i++) {
            Swarm.on(engines.get(i - 1)).join(SwarmJoin.of(token, address(1) + ":2377").advertiseAddr(address(i)));
        }
        Instant end = Instant.now().plusSeconds(60);
        while (manager.nodes().stream().filter(x -> x.state() == NodeState.READY).count() < n) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("only " + manager.nodes() + " ready after 60 s");
            }
            sleep(200);
        }
    }

    private Process startDaemon(String netns, String name, int i) {
        try {
            Path log = logOf(name);
            return new ProcessBuilder("nsenter", "--net=/var/run/netns/" + netns, "dockerd",
                    "--data-root", ROOT + name, "--exec-root", RUN + name, "--pidfile", RUN + name + ".pid",
                    "-H", "unix://" + RUN + name + ".sock", "--cgroup-parent", "/berth-swarm-" + name,
                    "--bip", "172.30." + i + ".1/24")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dockerd for node " + i + ": " + e, e);
        }
    }

    private static Engine connect(Node node) {
        EngineConfig config = EngineConfig.builder(java.util.Map.of()).host("unix://" + RUN + node.name() + ".sock")
                .build();
        Instant end = Instant.now().plusSeconds(60);
        while (true) {
            try {
                return Engine.connect(config);
            } catch (RuntimeException notYet) {
                if (!node.process().isAlive() || Instant.now().isAfter(end)) {
                    throw new IllegalStateException("dockerd of node " + node.index() + " did not answer; its log:\n"
                            + tail(logOf(node.name())), notYet);
                }
                sleep(200);
            }
        }
    }

    private static Path logOf(String name) {
        return Path.of("/tmp", "berth-swarm-" + name + ".log");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void loadImages(List<String> images) {
        if (images.isEmpty()) {
            return;
        }
        Path tar = Path.of("/tmp", "berth-swarm-" + id + "-images.tar");
        try {
            List<String> save = new ArrayList<>(List.of("docker", "save", "-o", tar.toString()));
            save.addAll(images);
            Sh.must(Sh.of(save));
            for (Node node : nodes) {
                Sh.must("docker", "-H", "unix://" + RUN + node.name() + ".sock", "load", "-q", "-i", tar.toString());
            }
        } finally {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /** The engines of the nodes, node 1 first. */
    public List<Engine> engines() {
        return List.copyOf(engines);
    }

    /** The engine of node {@code i} (1-based). */
    public Engine engine(int i) {
        return engines.get(i - 1);
    }

    /** The swarm as seen from the manager (node 1). */
    public Swarm manager() {
        return Swarm.on(engines.get(0));
    }

    /** The swarm node id of node {@code i}. */
    public String nodeId(int i) {
        return Swarm.on(engine(i)).info().nodeId().orElseThrow();
    }

    /** The nodes as the manager lists them. */
    public List<NodeInfo> nodes() {
        return manager().nodes();
    }

    /** Restarts node {@code i}'s dockerd (same data root), for autolock tests; returns its new engine. */
    public Engine restart(int i) {
        Node old = nodes.get(i - 1);
        engines.get(i - 1).close();
        stop(old.process(), RUN + old.name() + ".pid");
        Node fresh = new Node(i, old.netns(), old.veth(), old.name(), startDaemon(old.netns(), old.name(), i));
        nodes.set(i - 1, fresh);
        Engine e = connect(fresh);
        engines.set(i - 1, e);
        return e;
    }

    /** Leaves the swarm on every node, stops the daemons, and removes namespaces, bridge, rule and data. */
    @Override
    public void close() {
        for (int i = engines.size() - 1; i >= 0; i--) {
            try {
                Swarm s = Swarm.on(engines.get(i));
                if (s.info().state() != SwarmState.INACTIVE) {
                    s.leave(true);
                }
            } catch (RuntimeException ignored) {
                // the daemon is stopped below anyway
            }
            engines.get(i).close();
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            stop(nodes.get(i).process(), RUN + nodes.get(i).name() + ".pid");
        }
        for (Node n : nodes) {
            Sh.quiet("ip", "netns", "del", n.netns());
        }
        Sh.quiet("ip", "link", "del", bridge());
        if (ruleAdded) {
            Sh.quiet("iptables", "-D", "DOCKER-USER", "-i", bridge(), "-o", bridge(), "-j", "ACCEPT");
        }
        removeFiles(id);
    }

    /** What of this cluster is still on the machine (empty after {@link #close()}). */
    public List<String> leftovers() {
        return leftovers(PREFIX + id, id);
    }

    /** Leftovers of any harness run: bridges, namespaces, rules, daemons, data roots, cgroups. */
    public static List<String> leftovers(String bridgePrefix, String idPrefix) {
        List<String> out = new ArrayList<>();
        for (String line : Sh.quiet("ip", "-o", "link", "show").output().split("\n")) {
            String[] parts = line.split(":\\s+");
            if (parts.length > 1 && parts[1].startsWith(bridgePrefix)) {
                out.add("link " + parts[1].replaceFirst("@.*", ""));
            }
        }
        for (String line : Sh.quiet("ip", "netns", "list").output().split("\n")) {
            if (line.startsWith(bridgePrefix)) {
                out.add("netns " + line.split(" ")[0]);
            }
        }
        for (String line : Sh.quiet("iptables", "-S", "DOCKER-USER").output().split("\n")) {
            if (line.contains("-i " + bridgePrefix)) {
                out.add("rule " + line);
            }
        }
        for (String dir : List.of("/var/lib", "/var/run", "/tmp")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.getFileName().toString().startsWith("berth-swarm-" + idPrefix))
                        .forEach(p -> out.add("path " + p));
            } catch (IOException ignored) {
                // directory missing
            }
        }
        for (String line : Sh.quiet("sh", "-c", "grep berth-swarm-" + idPrefix + " /proc/mounts || true").output()
                .split("\n")) {
            if (!line.isBlank()) {
                out.add("mount " + line.split(" ")[1]);
            }
        }
        for (String line : Sh.quiet("sh", "-c", "find /sys/fs/cgroup -maxdepth 2 -type d -name 'berth-swarm-"
                + idPrefix + "*'").output().split("\n")) {
            if (!line.isBlank()) {
                out.add("cgroup " + line);
            }
        }
        return out;
    }

    /** Removes what a crashed run of the harness left: daemons, namespaces, bridges, rules, data, cgroups. */
    public static void cleanStale() {
        try (Stream<Path> pids = Files.list(Path.of("/var/run"))) {
            pids.filter(p -> p.getFileName().toString().startsWith("berth-swarm-")
                    && p.getFileName().toString().endsWith(".pid")).forEach(p -> stop(null, p.toString()));
        } catch (IOException ignored) {
            // nothing to stop
        }
        for (String l : leftovers(PREFIX, "")) {
            String what = l.substring(l.indexOf(' ') + 1);
            switch (l.substring(0, l.indexOf(' '))) {
                case "netns" -> Sh.quiet("ip", "netns", "del", what);
                case "link" -> Sh.quiet("ip", "link", "del", what);
                case "rule" -> Sh.quiet(Sh.of(List.of(("iptables " + what.replaceFirst("^-A", "-D")).split(" "))));
                default -> { }
            }
        }
        removeFiles("");
    }

    private static void removeFiles(String idPrefix) {
        Sh.quiet("sh", "-c", "grep -o ' /[^ ]*berth-swarm-" + idPrefix + "[^ ]*' /proc/mounts | sort -r"
                + " | xargs -r -n1 umount -l");
        for (String dir : List.of("/var/lib", "/var/run", "/tmp")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.getFileName().toString().startsWith("berth-swarm-" + idPrefix))
                        .forEach(LocalCluster::deleteTree);
            } catch (IOException ignored) {
                // directory missing
            }
        }
        Sh.quiet("sh", "-c", "find /sys/fs/cgroup -depth -type d -path '*berth-swarm-" + idPrefix
                + "*' -exec rmdir {} \\; 2>/dev/null; true");
    }

    private static void deleteTree(Path p) {
        Sh.quiet("rm", "-rf", "--one-file-system", p.toString());
    }

    /** Stops a daemon: SIGTERM, up to 20 s for a clean shutdown, then SIGKILL. */
    private static void stop(Process process, String pidFile) {
        long pid = -1;
        if (process != null) {
            pid = process.pid();
        } else {
            try {
                pid = Long.parseLong(Files.readString(Path.of(pidFile)).trim());
            } catch (IOException | NumberFormatException e) {
                return;
            }
        }
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !isDockerd(handle.get())) {
            return;
        }
        handle.get().destroy();
        Instant end = Instant.now().plusSeconds(20);
        while (handle.get().isAlive() && Instant.now().isBefore(end)) {
            sleep(100);
        }
        if (handle.get().isAlive()) {
            handle.get().destroyForcibly();
        }
    }

    private static boolean isDockerd(ProcessHandle h) {
        return h.info().commandLine().map(c -> c.contains("dockerd") && c.contains("berth-swarm-")).orElse(false);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "LocalCluster[" + bridge() + ", " + nodes.size() + " nodes, 10.231." + subnet + ".0/24]";
    }
}
