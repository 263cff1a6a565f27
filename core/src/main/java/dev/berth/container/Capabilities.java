package dev.berth.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Normalises Linux capability names as the docker CLI does: upper case, without the {@code CAP_} prefix. */
final class Capabilities {
    private Capabilities() {
    }

    static List<String> normalize(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String c = n.trim().toUpperCase(Locale.ROOT);
            if (c.startsWith("CAP_")) {
                c = c.substring(4);
            }
            if (!c.matches("[A-Z_]+")) {
                throw new IllegalArgumentException("Invalid capability '" + n + "'; use a name such as NET_ADMIN or ALL");
            }
            out.add(c);
        }
        return out;
    }
}
