package dev.berth.container;

import java.util.Locale;

/** A transport protocol for published and exposed ports. */
public enum Protocol {
    TCP, UDP, SCTP;

    /** The lower-case name the engine uses ({@code tcp}, {@code udp}, {@code sctp}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code tcp}, {@code udp} or {@code sctp}, any case. */
    public static Protocol parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown protocol '" + s + "'; use tcp, udp or sctp", e);
        }
    }
}
