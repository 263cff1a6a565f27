package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** State shared by the phases of one load: source positions and warnings. */
final class LoadContext {
    final SourceMap marks = new SourceMap();
    private final Set<String> warnings = new LinkedHashSet<>();

    synchronized void warn(String w) {
        warnings.add(w);
    }

    synchronized void warnOnce(String w) {
        warnings.add(w);
    }

    synchronized List<String> warnings() {
        return new ArrayList<>(warnings);
    }
}
