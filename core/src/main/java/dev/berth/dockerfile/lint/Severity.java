package dev.berth.dockerfile.lint;

import java.util.Locale;

/** How serious a finding is, with hadolint's four levels. */
public enum Severity {
    ERROR, WARNING, INFO, STYLE;

    /** The lower-case name hadolint prints, e.g. {@code warning}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
