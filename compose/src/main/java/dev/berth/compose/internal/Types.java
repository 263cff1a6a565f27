package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over the plain YAML tree. */
final class Types {
    private Types() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : null;
    }

    /** How a value is called in messages: "a string", "a mapping", … */
    static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof String) {
            return "a string";
        }
        if (o instanceof Boolean) {
            return "a boolean";
        }
        if (o instanceof Long) {
            return "an integer";
        }
        if (o instanceof Double) {
            return "a number";
        }
        if (o instanceof Map) {
            return "a mapping";
        }
        if (o instanceof List) {
            return "a list";
        }
        return o.getClass().getSimpleName();
    }

    /** Deep copy of a tree. */
    @SuppressWarnings("unchecked")
    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(deepCopy(x));
            }
            return out;
        }
        return v;
    }

    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }
}
