package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of dotted path patterns ({@code services.*.ports}, where {@code *} stands for any one segment) compiled into a
 * deterministic trie, so that a tree walk can follow the patterns segment by segment instead of matching whole paths
 * at every node. When several patterns match a path, the value of the first one (in declaration order) wins, as with
 * {@link Paths#matches} tried pattern by pattern.
 */
final class PathTrie<V> {
    private final Map<String, PathTrie<V>> literal;
    private final PathTrie<V> star;
    private final V value;

    private PathTrie(Map<String, PathTrie<V>> literal, PathTrie<V> star, V value) {
        this.literal = literal;
        this.star = star;
        this.value = value;
    }

    /** Compiles {@code patterns[i]} (dotted) with value {@code values[i]}. */
    static <V> PathTrie<V> of(List<String> patterns, List<V> values) {
        List<String[]> split = new ArrayList<>();
        for (String p : patterns) {
            split.add(Paths.split(p));
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            all.add(i);
        }
        return build(split, values, all, 0);
    }

    /** Patterns whose first {@code depth} segments matched the path so far, in declaration order. */
    private static <V> PathTrie<V> build(List<String[]> patterns, List<V> values, List<Integer> live, int depth) {
        V value = null;
        Map<String, List<Integer>> literalLive = new HashMap<>();
        List<Integer> starLive = new ArrayList<>();
        for (int i : live) {
            String[] p = patterns.get(i);
            if (p.length == depth) {
                if (value == null) {
                    value = values.get(i);
                }
            } else if (!p[depth].equals("*")) {
                literalLive.computeIfAbsent(p[depth], k -> new ArrayList<>());
            }
        }
        for (int i : live) {
            String[] p = patterns.get(i);
            if (p.length == depth) {
                continue;
            }
            if (p[depth].equals("*")) {
                starLive.add(i);
                literalLive.values().forEach(l -> l.add(i));
            } else {
                literalLive.get(p[depth]).add(i);
            }
        }
        Map<String, PathTrie<V>> literal = new HashMap<>();
        literalLive.forEach((k, l) -> literal.put(k.intern(), build(patterns, values, l, depth + 1)));
        PathTrie<V> star = starLive.isEmpty() ? null : build(patterns, values, starLive, depth + 1);
        return new PathTrie<>(literal.isEmpty() ? Map.of() : literal, star, value);
    }

    /** The node for the path extended by {@code segment}, or null when no pattern can match below it. */
    PathTrie<V> next(String segment) {
        PathTrie<V> n = literal.get(segment);
        return n != null ? n : star;
    }

    /** Whether no pattern goes deeper than this node. */
    boolean isLeaf() {
        return star == null && literal.isEmpty();
    }

    /** The value of the first pattern that matches the path exactly, or null. */
    V value() {
        return value;
    }

    /** Looks a whole path up: the value of the first pattern matching {@code segments}, or null. */
    V lookup(List<String> segments) {
        PathTrie<V> n = this;
        for (int i = 0, size = segments.size(); i < size && n != null; i++) {
            n = n.next(segments.get(i));
        }
        return n == null ? null : n.value;
    }
}
