package dev.berth.dockerfile;

import java.util.Locale;

/** The {@code RUN --network} mode. */
public enum NetworkMode {
    DEFAULT, NONE, HOST;

    /** The Dockerfile spelling, e.g. {@code none}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
