package dev.berth.swarm;

import dev.berth.container.Protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A published service port ({@code --publish published=8080,target=80,protocol=tcp,mode=ingress}).
 *
 * @param target    the port inside the task's containers
 * @param published the port on the nodes; empty lets the swarm pick one (30000–32767)
 * @param protocol  tcp, udp or sctp
 * @param mode      ingress (routing mesh) or host
 */
public record ServicePort(int target, Optional<Integer> published, Protocol protocol, PublishMode mode) {
    public ServicePort {
        check(target, "target");
        Objects.requireNonNull(published, "published");
        published.ifPresent(p -> check(p, "published"));
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(mode, "mode");
    }

    /** TCP {@code published → target} through the routing mesh. */
    public static ServicePort of(int published, int target) {
        return new ServicePort(target, Optional.of(published), Protocol.TCP, PublishMode.INGRESS);
    }

    /** TCP {@code target} on a port the swarm picks. */
    public static ServicePort target(int target) {
        return new ServicePort(target, Optional.empty(), Protocol.TCP, PublishMode.INGRESS);
    }

    /** The same port with another protocol. */
    public ServicePort protocol(Protocol p) {
        return new ServicePort(target, published, p, mode);
    }

    /** The same port published in host mode ({@code mode=host}). */
    public ServicePort hostMode() {
        return new ServicePort(target, published, protocol, PublishMode.HOST);
    }

    private static void check(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " port must be 1-65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return published.map(String::valueOf).orElse("*") + ":" + target + "/" + protocol.wireName()
                + (mode == PublishMode.HOST ? " (host)" : "");
    }
}
