package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading Engine API JSON ({@link Json} trees) into plain values, in the engine's conventions: Go field names, missing
 * or null fields as empty values, durations in nanoseconds, RFC 3339 times with Go's zero time meaning "none".
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** A JSON object of strings as a map (null values as ""). */
    public static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }

    /** A JSON array of strings as a list. */
    public static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** A string map field; empty when missing. */
    public static Map<String, String> map(JsonNode node, String field) {
        return strings(node == null ? null : node.get(field));
    }

    /** A string array field; empty when missing. */
    public static List<String> list(JsonNode node, String field) {
        return list(node == null ? null : node.get(field));
    }

    /** A text field, or empty when missing, null or blank. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    /** A text field, or "" when missing. */
    public static String str(JsonNode node, String field) {
        return text(node, field).orElse("");
    }

    /** A numeric field, or empty when missing, null or not a number. */
    public static Optional<Long> number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isNumber() ? Optional.empty() : Optional.of(v.asLong());
    }

    /** A boolean field, false when missing. */
    public static boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.asBoolean(false);
    }

    /** A Go duration field (nanoseconds), or empty when missing. */
    public static Optional<Duration> nanos(JsonNode node, String field) {
        return number(node, field).map(Duration::ofNanos);
    }

    /** An RFC 3339 time field; empty when missing, Go's zero time or unreadable. */
    public static Optional<Instant> time(JsonNode node, String field) {
        return time(text(node, field).orElse(null));
    }

    /** An RFC 3339 time from the engine, empty for missing, zero or unreadable times. */
    public static Optional<Instant> time(String t) {
        if (t == null || t.isEmpty() || t.startsWith("0001-01-01")) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Seconds since the epoch as an instant, empty for 0 or missing. */
    public static Optional<Instant> epochSeconds(JsonNode n) {
        long s = n.asLong(0);
        return s <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(s));
    }

    /** The node at the path of field names, or a missing node (never null). */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n == null ? MissingNode.getInstance() : n;
    }
}
