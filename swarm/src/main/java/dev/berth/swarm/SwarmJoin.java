package dev.berth.swarm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@code docker swarm join}: a token and the managers to contact.
 *
 * @param token         the worker or manager join token ({@link JoinTokens}); never shown by {@link #toString()}
 * @param remoteAddrs   managers' addresses, {@code host:2377}
 * @param advertiseAddr the address other nodes reach this one at; needed when the host has several addresses
 * @param listenAddr    where this node listens if it becomes a manager
 * @param dataPathAddr  the address used for overlay traffic
 * @param availability  the availability the node starts with
 */
public record SwarmJoin(String token, List<String> remoteAddrs, Optional<String> advertiseAddr,
                        Optional<String> listenAddr, Optional<String> dataPathAddr,
                        Optional<NodeAvailability> availability) {
    public SwarmJoin {
        Objects.requireNonNull(token, "token");
        remoteAddrs = List.copyOf(remoteAddrs);
        if (remoteAddrs.isEmpty()) {
            throw new IllegalArgumentException("give at least one manager address to join");
        }
        Objects.requireNonNull(advertiseAddr, "advertiseAddr");
        Objects.requireNonNull(listenAddr, "listenAddr");
        Objects.requireNonNull(dataPathAddr, "dataPathAddr");
        Objects.requireNonNull(availability, "availability");
    }

    /** Joins through the manager at {@code remoteAddr} with {@code token}. */
    public static SwarmJoin of(String token, String remoteAddr) {
        return new SwarmJoin(token, List.of(remoteAddr), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The same, advertising {@code addr} ({@code --advertise-addr}). */
    public SwarmJoin advertiseAddr(String addr) {
        return new SwarmJoin(token, remoteAddrs, Optional.of(addr), listenAddr, dataPathAddr, availability);
    }

    /** The same, listening on {@code addr} ({@code --listen-addr}). */
    public SwarmJoin listenAddr(String addr) {
        return new SwarmJoin(token, remoteAddrs, advertiseAddr, Optional.of(addr), dataPathAddr, availability);
    }

    /** The same, with overlay traffic on {@code addr} ({@code --data-path-addr}). */
    public SwarmJoin dataPathAddr(String addr) {
        return new SwarmJoin(token, remoteAddrs, advertiseAddr, listenAddr, Optional.of(addr), availability);
    }

    /** The same, starting with the given availability ({@code --availability}). */
    public SwarmJoin availability(NodeAvailability a) {
        return new SwarmJoin(token, remoteAddrs, advertiseAddr, listenAddr, dataPathAddr, Optional.of(a));
    }

    @Override
    public String toString() {
        return "SwarmJoin[token=****, remoteAddrs=" + remoteAddrs + ", advertiseAddr=" + advertiseAddr + "]";
    }
}
