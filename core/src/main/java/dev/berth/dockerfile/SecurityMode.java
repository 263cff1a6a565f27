package dev.berth.dockerfile;

import java.util.Locale;

/** The {@code RUN --security} mode. */
public enum SecurityMode {
    SANDBOX, INSECURE;

    /** The Dockerfile spelling, e.g. {@code insecure}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
