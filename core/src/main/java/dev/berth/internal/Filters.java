package dev.berth.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Engine API filters ({@code filters={"label":["a=b"],…}}): values of one key are ORed, keys ANDed, as the engine
 * does. Mutable; each query owns one.
 */
public final class Filters {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    /** Adds a value under the key. */
    public Filters add(String key, String value) {
        Objects.requireNonNull(value, key);
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** Replaces the values of the key with one value. */
    public Filters set(String key, String value) {
        values.remove(key);
        return add(key, value);
    }

    /** A copy holding only these keys. */
    public Filters only(Set<String> keys) {
        Filters out = new Filters();
        values.forEach((k, v) -> {
            if (keys.contains(k)) {
                out.values.put(k, new ArrayList<>(v));
            }
        });
        return out;
    }

    /**
     * Fails fast when a key is set that the operation does not support, naming it and what is supported.
     *
     * @throws IllegalStateException if an unsupported filter is set
     */
    public void require(Set<String> supported, String operation) {
        List<String> bad = values.keySet().stream().filter(k -> !supported.contains(k)).toList();
        if (!bad.isEmpty()) {
            throw new IllegalStateException(operation + " does not support the filters " + bad + "; it supports "
                    + supported.stream().sorted().toList() + ". Drop those filters for this call");
        }
    }

    /** Whether no filter is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The filters as a map of key to values. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** {@code ?filters=…} (URL-encoded JSON), or an empty string when there are none. */
    public String query() {
        return isEmpty() ? "" : "?filters=" + RawApi.q(json());
    }

    /** The filters as the engine's JSON (written by {@link Json}, which costs no Jackson start-up). */
    public String json() {
        return Json.write(values);
    }

    /** A duration in the form the engine's {@code until} filter accepts ({@code 3600s}). */
    public static String duration(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + d);
        }
        return d.toSeconds() + "s";
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
