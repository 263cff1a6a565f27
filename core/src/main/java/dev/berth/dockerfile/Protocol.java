package dev.berth.dockerfile;

import java.util.Locale;

/** The protocol of an exposed port. */
public enum Protocol {
    TCP, UDP, SCTP;

    /** The Dockerfile spelling, e.g. {@code udp}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
