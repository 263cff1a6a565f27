package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** Removes engine objects by id, several at once, on Berth's own HTTP client. */
final class Removals {
    private Removals() {
    }

    /**
     * Sends {@code DELETE path(id)} for each id, up to eight at a time; an object already gone (404) or whose removal
     * is already in progress counts as removed. Returns the removed ids; puts each failure into {@code failures}
     * (id → reason).
     */
    static List<String> remove(Connection conn, List<String> ids, Function<String, String> path,
                               Map<String, String> failures) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> removed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, ids.size()), r -> {
            Thread t = new Thread(r, "berth-remove");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture.allOf(ids.stream().map(id -> CompletableFuture.runAsync(() -> {
                try {
                    RawApi.deleteIfPresent(conn, path.apply(RawApi.q(id)));
                    removed.add(id);
                } catch (RuntimeException e) {
                    if (Errors.rootMessage(e).contains("already in progress")) {
                        removed.add(id); // a --rm container the engine is removing itself
                    } else {
                        failures.put(id, Errors.rootMessage(e));
                    }
                }
            }, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        List<String> inOrder = new ArrayList<>(ids);
        inOrder.retainAll(removed);
        return inOrder;
    }

    /** The engine's list at {@code path}: a JSON array of objects. */
    static List<JsonNode> list(Connection conn, String path) {
        return objects(RawApi.call(conn, "GET", path, null).json());
    }

    /** The objects of a JSON array; empty when it is missing or not an array. */
    static List<JsonNode> objects(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(o -> {
                if (o.isObject()) {
                    out.add(o);
                }
            });
        }
        return out;
    }

    /** The text field {@code key} of each object that has one. */
    static List<String> ids(List<JsonNode> objects, String key) {
        return objects.stream().map(o -> o.path(key)).filter(JsonNode::isTextual).map(JsonNode::textValue).toList();
    }
}
