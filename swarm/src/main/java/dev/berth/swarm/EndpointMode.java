package dev.berth.swarm;

import java.util.Locale;

/** How other tasks find the service: one virtual IP, or DNS round robin over the tasks' IPs. */
public enum EndpointMode {
    /** A virtual IP balanced by the swarm (the default). */
    VIP,
    /** DNS answers with the tasks' own IPs, no virtual IP. */
    DNSRR;

    /** The engine's name: {@code vip} or {@code dnsrr}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code vip} or {@code dnsrr}, any case. */
    public static EndpointMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown endpoint mode '" + s + "'; use vip or dnsrr", e);
        }
    }
}
