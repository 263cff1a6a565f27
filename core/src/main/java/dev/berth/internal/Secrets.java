package dev.berth.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shows secret values as {@code ****}: environment variables marked secret, for {@code toString()}. */
public final class Secrets {
    /** What a secret value is shown as. */
    public static final String MASK = "****";

    private Secrets() {
    }

    /** A copy of {@code env} in the same order, with the values of the {@code secret} names masked. */
    public static Map<String, String> mask(Map<String, String> env, Collection<String> secret) {
        Map<String, String> out = new LinkedHashMap<>(env);
        secret.forEach(k -> out.computeIfPresent(k, (key, value) -> MASK));
        return out;
    }

    /** {@code KEY=VALUE} entries, as the engine reports them, with the values of the {@code secret} names masked. */
    public static List<String> maskEntries(List<String> env, Collection<String> secret) {
        return env.stream().map(e -> {
            int eq = e.indexOf('=');
            return eq > 0 && secret.contains(e.substring(0, eq)) ? e.substring(0, eq + 1) + MASK : e;
        }).toList();
    }

    /** The names in a comma-separated label value; empty for null. */
    public static Set<String> names(String label) {
        Set<String> out = new LinkedHashSet<>();
        if (label != null) {
            for (String n : label.split(",")) {
                if (!n.isBlank()) {
                    out.add(n.trim());
                }
            }
        }
        return out;
    }
}
