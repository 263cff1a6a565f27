package dev.berth.compose.internal;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML stream into plain Java trees (maps, lists, String, Long, Double, Boolean, null) the way go-yaml v3
 * resolves scalars, expanding anchors and merge keys, recording positions and the {@code !reset}/{@code !override}
 * tags that Compose uses.
 */
final class YamlReader {
    /** Cap on nodes produced per document, against alias bombs (compose-go caps alias expansion too). */
    static final int MAX_NODES = 2_000_000;
    /**
     * Cap on nesting, in the text and after expanding aliases and merge keys. snakeyaml's composer and every phase of
     * the loader walk the tree recursively; on a default 1 MiB thread stack the whole load fails near 900 levels, so
     * this cap leaves a margin of more than three. go-yaml allows 10,000 levels; real compose files use a few dozen.
     */
    static final int MAX_DEPTH = 250;
    private static final Tag PLAIN = new Tag("tag:berth.dev,2026:plain");
    private static final ScalarResolver RESOLVER = new ScalarResolver() {
        @Override
        public Tag resolve(String value, Boolean implicit) {
            return Boolean.TRUE.equals(implicit) ? PLAIN : Tag.STR;
        }
    };

    private static final org.snakeyaml.engine.v2.schema.Schema SCHEMA = new org.snakeyaml.engine.v2.schema.Schema() {
        @Override
        public ScalarResolver getScalarResolver() {
            return RESOLVER;
        }

        @Override
        public Map<Tag, org.snakeyaml.engine.v2.api.ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    };

    /** One YAML document: its tree and the paths tagged {@code !reset} or {@code !override}. */
    record Document(Object root, List<String> resetPaths, Mark start) {
    }

    private final Path file;
    private final SourceMap marks;
    private final Keys keys;
    private int nodes;
    private int depth;
    /** The deepest level reached so far, to know how deep an anchored collection's expansion goes. */
    private int deepest;
    private List<String> resets;
    private final IdentityHashMap<Node, Boolean> active = new IdentityHashMap<>();
    /** The path of the node being converted, segment by segment; spelled out only when needed. */
    private final List<String> segs = new ArrayList<>();

    YamlReader(Path file, SourceMap marks) {
        this(file, marks, new Keys());
    }

    YamlReader(Path file, SourceMap marks, Keys keys) {
        this(file, marks, keys, false);
    }

    private YamlReader(Path file, SourceMap marks, Keys keys, boolean withMarks) {
        this.file = file;
        this.marks = marks;
        this.keys = keys;
        this.withMarks = withMarks;
    }

    private final boolean withMarks;

    /**
     * The settings for reading {@code length} characters. The whole text is one buffer: snakeyaml copies the rest of
     * its window each time it refills a smaller buffer, which is quadratic in the length of a long token.
     */
    private static LoadSettings settings(Path file, boolean withMarks, int length) {
        return LoadSettings.builder()
                .setLabel(String.valueOf(file))
                .setBufferSize(Math.max(1024, length + 1))
                .setSchema(SCHEMA)
                .setUseMarks(withMarks)
                .setMaxAliasesForCollections(1_000_000)
                .setAllowDuplicateKeys(true)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(true) // refused by mappingFresh, which knows where the key is
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
    }

    /**
     * Reads the documents of a file. Positions are needed only to report a problem, so the file is first read
     * without them (snakeyaml then allocates no mark per token); if that read meets any problem, or a document whose
     * root is not a mapping (whose start the caller reports), the file is read again with positions, which reports
     * exactly what it finds. {@link SourceMap} re-reads a file with positions the same way, when an error asks.
     */
    List<Document> read(String content) {
        if (!withMarks) {
            try {
                List<Document> docs = readDocuments(content);
                boolean mappings = true;
                for (Document d : docs) {
                    mappings &= d.root() instanceof Map;
                }
                if (mappings) {
                    if (marks != null) {
                        marks.defer(file, content, docs.size());
                    }
                    return docs;
                }
            } catch (RuntimeException | StackOverflowError e) {
                // read again with positions below, which reports the problem where it is
            }
            return new YamlReader(file, marks, keys, true).read(content);
        }
        List<Document> docs = readDocuments(content);
        if (marks != null) {
            marks.defer(file, content, docs.size());
        }
        return docs;
    }

    /** A composer of {@code content} that refuses nesting deeper than {@link #MAX_DEPTH} where it starts. */
    private static Composer composer(Path file, String content, boolean withMarks) {
        LoadSettings settings = settings(file, withMarks, content.length());
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, content));
        return new Composer(settings, new DepthLimit(file, parser));
    }

    /** The first {@code count} documents of {@code content} as snakeyaml nodes, with their positions. */
    static List<Node> nodesWithMarks(Path file, String content, int count) {
        Composer composer = composer(file, content, true);
        List<Node> out = new ArrayList<>();
        while (out.size() < count && composer.hasNext()) {
            out.add(composer.next());
        }
        return out;
    }

    private List<Document> readDocuments(String content) {
        List<Document> docs = new ArrayList<>();
        try {
            Composer composer = composer(file, content, withMarks);
            while (composer.hasNext()) {
                Node node = composer.next();
                nodes = 0;
                deepest = 0;
                resets = new ArrayList<>();
                segs.clear();
                Object root = convert(node);
                docs.add(new Document(root, resets, mark(node)));
            }
        } catch (MarkedYamlEngineException e) {
            if (!withMarks) {
                throw e;
            }
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            int col = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new Located(new Mark(file, line, col), "", "invalid YAML: " + context + problem);
        } catch (YamlEngineException e) {
            if (!withMarks) {
                throw e;
            }
            throw new Located(new Mark(file, 0, 0), "", "invalid YAML: " + e.getMessage());
        } catch (StackOverflowError e) {
            if (!withMarks) {
                throw e;
            }
            throw new Located(new Mark(file, 0, 0), "", "invalid YAML: document is nested too deeply");
        }
        return docs;
    }

    private Mark mark(Node node) {
        return node.getStartMark()
                .map(m -> new Mark(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Mark(file, 0, 0));
    }

    /** The dotted path of the node being converted ({@code services.web.ports.0}), as Paths.child builds it. */
    private String path() {
        String p = "";
        for (String seg : segs) {
            p = Paths.child(p, seg);
        }
        return p;
    }

    private void push(String seg) {
        segs.add(seg);
    }

    private void pop() {
        segs.remove(segs.size() - 1);
    }

    private Object convert(Node node) {
        if (++nodes > MAX_NODES) {
            throw new Located(mark(node), path(), "too many nodes after expanding aliases (more than " + MAX_NODES
                    + "); the file probably contains an alias bomb, reduce the use of anchors");
        }
        String tag = node.getTag().getValue();
        if (node instanceof ScalarNode scalar) {
            // a scalar holds no alias, so it is never being converted already
            if ("!reset".equals(tag) || "!override".equals(tag)) {
                resets.add(path());
            }
            return scalar(scalar);
        }
        if (active.containsKey(node)) {
            throw new Located(mark(node), path(), "an anchor refers to itself (recursive alias); remove the cycle");
        }
        if ("!reset".equals(tag)) {
            resets.add(path());
        } else if ("!override".equals(tag)) {
            resets.add(path());
        }
        active.put(node, Boolean.TRUE);
        try {
            if (node instanceof MappingNode m) {
                return mapping(m);
            }
            return sequence((SequenceNode) node);
        } finally {
            active.remove(node);
        }
    }

    /**
     * A collection an anchor names, converted once: an alias or merge key that repeats it gets a copy of the first
     * conversion (counted as the same number of nodes), unless a {@code !reset}/{@code !override} tag inside makes the
     * result depend on where it is expanded.
     */
    private record Expanded(Object value, int nodes, int height) {
    }

    private final IdentityHashMap<Node, Expanded> expanded = new IdentityHashMap<>();

    private interface Conversion {
        Object run();
    }

    private Object anchored(Node node, Conversion fresh) {
        if (++depth > MAX_DEPTH) {
            throw tooDeep(node);
        }
        deepest = Math.max(deepest, depth);
        try {
            return anchoredFresh(node, fresh);
        } finally {
            depth--;
        }
    }

    private Located tooDeep(Node node) {
        return new Located(mark(node), path(), "nested more than " + MAX_DEPTH + " levels deep after expanding"
                + " aliases and merge keys; flatten the structure or use fewer nested anchors");
    }

    private Object anchoredFresh(Node node, Conversion fresh) {
        if (node.getAnchor().isEmpty()) {
            return fresh.run();
        }
        Expanded e = expanded.get(node);
        if (e != null && nodes + e.nodes() <= MAX_NODES) {
            // a copy of an earlier expansion: as deep below this level as the expansion was
            if (depth - 1 + e.height() > MAX_DEPTH) {
                throw tooDeep(node);
            }
            deepest = Math.max(deepest, depth - 1 + e.height());
            nodes += e.nodes();
            return Types.deepCopy(e.value());
        }
        int nodesBefore = nodes;
        int resetsBefore = resets.size();
        int deepestBefore = deepest;
        deepest = depth;
        Object v = fresh.run();
        int height = deepest - depth + 1;
        deepest = Math.max(deepestBefore, deepest);
        if (resets.size() == resetsBefore) {
            expanded.put(node, new Expanded(Types.deepCopy(v), nodes - nodesBefore, height));
        }
        return v;
    }

    private List<Object> sequence(SequenceNode s) {
        return Types.asList(anchored(s, () -> sequenceFresh(s)));
    }

    private List<Object> sequenceFresh(SequenceNode s) {
        List<Object> list = new ArrayList<>(s.getValue().size());
        int i = 0;
        for (Node item : s.getValue()) {
            push(Paths.index(i));
            Object v = convert(item);
            pop();
            if (!"!reset".equals(item.getTag().getValue())) {
                list.add(v);
            }
            i++;
        }
        return list;
    }

    private Map<String, Object> mapping(MappingNode m) {
        return Types.asMap(anchored(m, () -> mappingFresh(m)));
    }

    private Map<String, Object> mappingFresh(MappingNode m) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> merged = null;
        boolean reset = false;
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            Node v = t.getValueNode();
            if (k instanceof ScalarNode ks && "<<".equals(ks.getValue()) && PLAIN.equals(ks.getTag())) {
                if (merged == null) {
                    merged = new LinkedHashMap<>();
                }
                mergeInto(merged, v);
                continue;
            }
            Object key = k instanceof ScalarNode ks ? scalar(ks) : null;
            if (key instanceof String ks) {
                key = keys.of(ks);
            }
            if (!(key instanceof String s)) {
                String path = path();
                String shown = k instanceof ScalarNode ks ? ks.getValue() : "(a " + k.getNodeType().name().toLowerCase() + ")";
                String where = path.isEmpty() ? "" : " in " + path;
                throw new Located(mark(k), path, "non-string key" + where + ": " + shown
                        + "; mapping keys must be strings, quote the key");
            }
            if (out.containsKey(s)) {
                String path = path();
                throw new Located(mark(k), Paths.child(path, s), "mapping key \"" + s + "\" already defined"
                        + (path.isEmpty() ? "" : " in " + path) + "; remove the duplicate key");
            }
            push(s);
            Object value = convert(v);
            pop();
            if (!"!reset".equals(v.getTag().getValue())) {
                out.put(s, value);
            } else {
                out.put(s, RESET);
                reset = true;
            }
        }
        if (reset) {
            out.values().removeIf(x -> x == RESET);
        }
        if (merged != null && !merged.isEmpty()) {
            Map<String, Object> result = new LinkedHashMap<>(merged);
            for (Map.Entry<String, Object> e : out.entrySet()) {
                result.put(e.getKey(), e.getValue());
            }
            // keys explicitly reset must not come back from a merge key
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode ks && "!reset".equals(t.getValueNode().getTag().getValue())) {
                    result.remove(ks.getValue());
                }
            }
            return result;
        }
        return out;
    }

    private static final Object RESET = new Object();

    private void mergeInto(Map<String, Object> merged, Node v) {
        if (v instanceof MappingNode mn) {
            Map<String, Object> src = mapping(mn);
            src.forEach(merged::putIfAbsent);
            nodes += src.size();
        } else if (v instanceof SequenceNode sn) {
            for (Node item : sn.getValue()) {
                if (!(item instanceof MappingNode mn)) {
                    throw new Located(mark(item), path(), "map merge requires map or sequence of maps as the value");
                }
                mapping(mn).forEach(merged::putIfAbsent);
            }
        } else {
            throw new Located(mark(v), path(), "map merge requires map or sequence of maps as the value");
        }
    }

    private Object scalar(ScalarNode node) {
        String v = node.getValue();
        Tag tag = node.getTag();
        if (PLAIN.equals(tag)) {
            return Scalars.resolvePlain(v);
        }
        String t = tag.getValue();
        switch (t) {
            case "tag:yaml.org,2002:int": {
                Object o = Scalars.resolvePlain(v);
                if (o instanceof Long) {
                    return o;
                }
                throw new Located(mark(node), path(), "cannot decode !!str `" + v + "` as a !!int");
            }
            case "tag:yaml.org,2002:float": {
                Object o = Scalars.resolvePlain(v);
                if (o instanceof Long l) {
                    return l.doubleValue();
                }
                if (o instanceof Double) {
                    return o;
                }
                throw new Located(mark(node), path(), "cannot decode !!str `" + v + "` as a !!float");
            }
            case "tag:yaml.org,2002:bool": {
                Object o = Scalars.resolvePlain(v);
                if (o instanceof Boolean) {
                    return o;
                }
                throw new Located(mark(node), path(), "cannot decode !!str `" + v + "` as a !!bool");
            }
            case "tag:yaml.org,2002:null":
                return null;
            default:
                return v;
        }
    }

    /**
     * Records in {@code marks} where each path of a converted document was written, visiting its nodes in the order
     * {@link #convert} does (keys, then sequence items; merge keys expanded under the merging mapping), so that the
     * first mark recorded for a path is the one an eager recording would have kept. Called by {@link SourceMap} only
     * when an error needs a position.
     */
    static void recordMarks(Path file, Node root, SourceMap marks) {
        new YamlReader(file, marks, null, true).recordNode(root, "");
    }

    private void recordNode(Node node, String path) {
        if (node instanceof MappingNode m) {
            recordMapping(m, path);
        } else if (node instanceof SequenceNode s) {
            int i = 0;
            for (Node item : s.getValue()) {
                String p = Paths.child(path, Integer.toString(i++));
                recordMark(p, item);
                recordNode(item, p);
            }
        }
    }

    private void recordMapping(MappingNode m, String path) {
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            Node v = t.getValueNode();
            if (k instanceof ScalarNode ks && "<<".equals(ks.getValue()) && PLAIN.equals(ks.getTag())) {
                if (v instanceof MappingNode mn) {
                    recordMapping(mn, path);
                } else if (v instanceof SequenceNode sn) {
                    for (Node item : sn.getValue()) {
                        if (item instanceof MappingNode mn) {
                            recordMapping(mn, path);
                        }
                    }
                }
                continue;
            }
            if (!(k instanceof ScalarNode ks)) {
                return;
            }
            String p = Paths.child(path, ks.getValue());
            recordMark(p, k);
            recordNode(v, p);
        }
    }

    private void recordMark(String path, Node node) {
        node.getStartMark().ifPresent(m -> marks.put(file, path, m.getLine() + 1, m.getColumn() + 1));
    }
}
