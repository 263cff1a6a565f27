package dev.berth.maven;

import dev.berth.container.Protocol;
import dev.berth.container.PublishedPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project properties that tell tests where a container's ports are: {@code berth.NAME.PORT} for TCP (e.g.
 * {@code berth.web.80 = 32768}) and {@code berth.NAME.PORT.udp} (or {@code .sctp}) for the others. When a port is
 * published on several host addresses (IPv4 and IPv6), the first one the engine reports is taken.
 */
final class PortProperties {
    private PortProperties() {
    }

    static Map<String, String> of(String name, List<PublishedPort> ports) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PublishedPort p : ports) {
            if (p.hostPort() <= 0) {
                continue;
            }
            String key = "berth." + name + "." + p.containerPort()
                    + (p.protocol() == Protocol.TCP ? "" : "." + p.protocol().name().toLowerCase(Locale.ROOT));
            out.putIfAbsent(key, Integer.toString(p.hostPort()));
        }
        return out;
    }
}
