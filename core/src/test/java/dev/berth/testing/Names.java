package dev.berth.testing;

import java.util.UUID;

/** Unique names for test resources. */
public final class Names {
    private Names() {
    }

    /** {@code prefix-xxxxxxxx}. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
