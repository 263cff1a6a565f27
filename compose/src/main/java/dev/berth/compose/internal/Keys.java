package dev.berth.compose.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A symbol table for mapping keys: every occurrence of a key in the trees of one load is the same String instance,
 * and the keys the Compose schema and the Go shapes name are the interned literals the loader's code and tables use.
 * The phases after parsing look keys up again and again (schema, uniqueness, canonical form, rendering); with shared
 * instances those lookups compare by identity and touch a few hundred strings instead of one per occurrence.
 */
final class Keys {
    private static final Map<String, String> KNOWN = known();

    private final Map<String, String> pool = new HashMap<>();

    /** The canonical instance of {@code key}. */
    String of(String key) {
        String k = KNOWN.get(key);
        if (k != null) {
            return k;
        }
        k = pool.putIfAbsent(key, key);
        return k == null ? key : k;
    }

    private static Map<String, String> known() {
        Map<String, String> m = new HashMap<>();
        for (String k : SchemaValidator.propertyNames()) {
            m.put(k, k.intern());
        }
        for (String k : GoShapes.fieldNames()) {
            m.put(k, k.intern());
        }
        return Map.copyOf(m);
    }
}
