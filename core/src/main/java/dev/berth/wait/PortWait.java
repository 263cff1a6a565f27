package dev.berth.wait;

import dev.berth.container.Container;
import dev.berth.container.ContainerInfo;
import dev.berth.container.NetworkEndpoint;
import dev.berth.container.Protocol;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waits until the published port serves TCP on 127.0.0.1.
 *
 * <p>The engine's port proxy accepts a connection on the host port even when nothing listens inside, then closes it;
 * so through the proxy a connection counts only if it stays open for a short read ({@link #probe}), which costs that
 * read's 100 ms on every successful check. When the engine runs on this machine, the wait asks the container itself
 * first: a connection to the container's own address and port is refused at once while nothing listens and accepted
 * once something does — exact, and without the read. Where that address cannot be reached from here (Docker Desktop's
 * VM, rootless engines, macvlan networks) the connection attempt times out or finds no route, and the wait falls back
 * to the proxy check for this engine from then on; so it does when the address keeps refusing while the proxy check
 * succeeds (something else answers for that address). Either way the published host port must accept the connection.
 */
record PortWait(int containerPort, Duration timeout) implements WaitStrategy {
    private static final Duration POLL = Duration.ofMillis(50);
    /** A local bridge answers (accepts or refuses) in well under a millisecond; longer means no route from here. */
    private static final int DIRECT_CONNECT_MS = 250;
    /** After this many refusals (about a second) the proxy is asked too, in case the refusal is not the container's. */
    private static final int CROSS_CHECK_EVERY = 20;
    /** Engines whose container addresses proved unreachable from this JVM. */
    private static final Set<URI> NO_DIRECT_ROUTE = ConcurrentHashMap.newKeySet();

    @Override
    public void waitUntilReady(Container container, Deadline outer) {
        Deadline deadline = outer.atMost(timeout);
        ContainerInfo info = container.inspect();
        // Container.hostPort inspects again only to explain a port that is not published
        int hostPort = info.hostPort(containerPort, Protocol.TCP).orElseGet(() -> container.hostPort(containerPort));
        URI engine = container.engine().config().host();
        InetSocketAddress direct = onThisMachine(engine) && !NO_DIRECT_ROUTE.contains(engine)
                ? directAddress(info, containerPort) : null;
        String last;
        int refusals = 0;
        while (true) {
            if (direct != null) {
                Direct answer = probeDirect(direct);
                if (answer == Direct.NO_ROUTE) {
                    NO_DIRECT_ROUTE.add(engine);
                    direct = null;
                    continue;
                }
                last = answer == Direct.LISTENING ? connect(hostPort)
                        : "nothing listening on " + containerPort + "/tcp in the container yet";
                if (answer == Direct.REFUSED && ++refusals % CROSS_CHECK_EVERY == 0 && probe(hostPort) == null) {
                    // The host port serves while the address refuses: something between us and the container
                    // answers for it (a firewall's reset, another network's host), so only the proxy can be asked.
                    NO_DIRECT_ROUTE.add(engine);
                    return;
                }
            } else {
                last = probe(hostPort);
            }
            if (last == null) {
                return;
            }
            Waits.failIfExited(container, describe());
            if (deadline.expired()) {
                throw Waits.timeout(container, describe() + " (host port " + hostPort + ")", deadline, last);
            }
            Waits.sleep(POLL);
        }
    }

    /** Whether the engine's containers run on this machine: a local socket or a loopback TCP address. */
    static boolean onThisMachine(URI engine) {
        if ("unix".equals(engine.getScheme())) {
            return true;
        }
        String host = engine.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** The container's IPv4 address on its first network with one, or null (host network, none). */
    static InetSocketAddress directAddress(ContainerInfo info, int port) {
        return info.networks().values().stream().map(NetworkEndpoint::ipAddress)
                .filter(ip -> ip != null && !ip.isBlank()).findFirst()
                .map(ip -> new InetSocketAddress(ip, port)).orElse(null);
    }

    enum Direct { LISTENING, REFUSED, NO_ROUTE }

    /** Connects to the container's own address: accepted, refused (nothing listens yet), or not reachable from here. */
    static Direct probeDirect(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, DIRECT_CONNECT_MS);
            return Direct.LISTENING;
        } catch (IOException e) {
            return failure(e);
        }
    }

    /** "Connection refused" is the container's answer; a timeout, "No route to host" and the like: we cannot ask. */
    static Direct failure(IOException e) {
        boolean refused = e instanceof ConnectException && e.getMessage() != null
                && e.getMessage().startsWith("Connection refused");
        return refused ? Direct.REFUSED : Direct.NO_ROUTE;
    }

    /** Null when the host port accepts a connection, else why not (the container itself already listens). */
    static String connect(int hostPort) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", hostPort), 1000);
            return null;
        } catch (IOException e) {
            return "host port " + hostPort + ": connection failed: " + e.getMessage();
        }
    }

    /** Through the port proxy only: null when the port serves, else why not. */
    static String probe(int hostPort) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", hostPort), 1000);
            s.setSoTimeout(100);
            InputStream in = s.getInputStream();
            try {
                return in.read() < 0 ? "connection accepted then closed (nothing listening in the container yet)" : null;
            } catch (SocketTimeoutException stillOpen) {
                return null;
            }
        } catch (IOException e) {
            return "connection failed: " + e.getMessage();
        }
    }

    @Override
    public WaitStrategy withTimeout(Duration t) {
        return new PortWait(containerPort, Waits.checkTimeout(t));
    }

    @Override
    public String describe() {
        return "port " + containerPort + "/tcp to serve";
    }
}
