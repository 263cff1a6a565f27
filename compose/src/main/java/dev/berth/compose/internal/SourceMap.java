package dev.berth.compose.internal;

import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers where each dotted path (such as {@code services.web.ports.0}) was written, file by file, so that an error
 * found after merging can still point at a line and column. Parsed documents are only registered while loading; their
 * paths are spelled out and recorded the first time an error asks for a position.
 */
final class SourceMap {
    private final List<Path> files = new ArrayList<>();
    private final Map<Path, Map<String, Mark>> marks = new HashMap<>();
    /** A file's content whose first {@code documents} documents were read but not recorded yet. */
    private record Pending(Path file, String content, int documents) {
    }

    /** Files read but not recorded yet, in the order they were read. */
    private final List<Pending> pending = new ArrayList<>();

    /** Registers the documents read from {@code file}; {@link #find} records their marks when first needed. */
    synchronized void defer(Path file, String content, int documents) {
        pending.add(new Pending(file, content, documents));
    }

    private void recordPending() {
        for (Pending p : pending) {
            try {
                for (Node root : YamlReader.nodesWithMarks(p.file(), p.content(), p.documents())) {
                    YamlReader.recordMarks(p.file(), root, this);
                }
            } catch (RuntimeException | StackOverflowError e) {
                // a document that cannot be walked again keeps the marks recorded so far
            }
        }
        pending.clear();
    }

    synchronized void put(Path file, String path, int line, int column) {
        Map<String, Mark> m = marks.get(file);
        if (m == null) {
            m = new HashMap<>();
            marks.put(file, m);
            files.add(file);
        }
        m.putIfAbsent(path, new Mark(file, line, column));
    }

    synchronized void touch(Path file) {
        if (!marks.containsKey(file)) {
            marks.put(file, new HashMap<>());
            files.add(file);
        }
    }

    /**
     * The mark of the longest known prefix of {@code path}, preferring {@code preferred}, then later files; line 1,
     * column 1 of the file when no prefix is known (a problem with the file as a whole, such as an empty file).
     */
    synchronized Mark find(String path, Path preferred) {
        recordPending();
        String p = path == null ? "" : path;
        while (true) {
            if (preferred != null) {
                Mark m = lookup(preferred, p);
                if (m != null) {
                    return m;
                }
            }
            for (int i = files.size() - 1; i >= 0; i--) {
                Mark m = lookup(files.get(i), p);
                if (m != null) {
                    return m;
                }
            }
            if (p.isEmpty()) {
                // nothing under the path was written in any file: the problem is with the file as a whole
                Path f = preferred != null ? preferred : files.isEmpty() ? null : files.get(0);
                return f == null ? new Mark(null, 0, 0) : new Mark(f, 1, 1);
            }
            int dot = p.lastIndexOf('.');
            p = dot < 0 ? "" : p.substring(0, dot);
        }
    }

    private Mark lookup(Path file, String p) {
        Map<String, Mark> m = marks.get(file);
        return m == null ? null : m.get(p);
    }
}
