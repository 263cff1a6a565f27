package dev.berth.container;

/**
 * A container port and the host address it is published on.
 *
 * @param containerPort the port inside the container
 * @param protocol      tcp, udp or sctp
 * @param hostIp        the host address, e.g. {@code 0.0.0.0} or {@code ::}
 * @param hostPort      the host port
 */
public record PublishedPort(int containerPort, Protocol protocol, String hostIp, int hostPort) {
}
