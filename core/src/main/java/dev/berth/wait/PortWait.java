package dev.berth.wait;

import dev.berth.container.Container;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Waits until the published port serves TCP on 127.0.0.1. The engine's port proxy accepts connections even when
 * nothing listens inside, then closes them; so a connection counts only if it stays open for a short read.
 */
record PortWait(int containerPort, Duration timeout) implements WaitStrategy {
    private static final Duration POLL = Duration.ofMillis(50);

    @Override
    public void waitUntilReady(Container container, Deadline outer) {
        Deadline deadline = outer.atMost(timeout);
        int hostPort = container.hostPort(containerPort);
        String last = "not tried";
        while (true) {
            last = probe(hostPort);
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

    /** Null when the port serves, else why not. */
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
