package dev.berth.compose.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Applies {@code !reset}/{@code !override} paths to the tree accumulated so far (compose-go ResetProcessor.Apply). */
final class Resets {
    private Resets() {
    }

    static void apply(Map<String, Object> target, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        String[][] patterns = new String[paths.size()][];
        for (int i = 0; i < paths.size(); i++) {
            patterns[i] = Paths.split(paths.get(i));
        }
        walk(target, "", patterns);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object v, String path, String[][] patterns) {
        if (v instanceof Map<?, ?> m) {
            Iterator<Map.Entry<String, Object>> it = ((Map<String, Object>) m).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Object> e = it.next();
                String next = Paths.child(path, e.getKey());
                String[] segs = Paths.split(next);
                boolean matched = false;
                for (String[] p : patterns) {
                    if (Paths.matches(segs, p)) {
                        matched = true;
                        break;
                    }
                }
                if (matched) {
                    it.remove();
                } else {
                    walk(e.getValue(), next, patterns);
                }
            }
        }
    }
}
