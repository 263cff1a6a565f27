package dev.berth.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Structural comparison of parsed JSON/YAML trees, key order aside; numbers compare by value. */
final class TreeDiff {
    private TreeDiff() {
    }

    static List<String> diff(Object expected, Object actual) {
        List<String> out = new ArrayList<>();
        diff(expected, actual, "", out);
        return out;
    }

    private static void diff(Object e, Object a, String p, List<String> out) {
        if (e instanceof Number x && a instanceof Number y) {
            if (Double.compare(x.doubleValue(), y.doubleValue()) != 0) {
                out.add(p + ": expected " + e + " but was " + a);
            }
            return;
        }
        if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
            TreeSet<String> keys = new TreeSet<>();
            em.keySet().forEach(k -> keys.add(String.valueOf(k)));
            am.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                if (!em.containsKey(k)) {
                    out.add(p + "." + k + ": unexpected " + am.get(k));
                } else if (!am.containsKey(k)) {
                    out.add(p + "." + k + ": missing " + em.get(k));
                } else {
                    diff(em.get(k), am.get(k), p + "." + k, out);
                }
            }
            return;
        }
        if (e instanceof List<?> el && a instanceof List<?> al) {
            if (el.size() != al.size()) {
                out.add(p + ": expected " + el + " but was " + al);
                return;
            }
            for (int i = 0; i < el.size(); i++) {
                diff(el.get(i), al.get(i), p + "." + i, out);
            }
            return;
        }
        if (e == null ? a != null : !e.equals(a)) {
            out.add(p + ": expected " + e + " but was " + a);
        }
    }
}
