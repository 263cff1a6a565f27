package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** State shared by the phases of one load: source positions and warnings. */
final class LoadContext {
    final SourceMap marks = new SourceMap();
    /** Mapping keys of every file of the load, shared instances. */
    final Keys keys = new Keys();
    private final Set<String> warnings = new LinkedHashSet<>();
    /** Documents parsed while looking for the project name, reused once by the interpolating load. */
    final java.util.Map<java.nio.file.Path, List<YamlReader.Document>> parsed = new java.util.HashMap<>();

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
