package dev.berth.swarm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Small helpers for the Engine API's JSON: Go-style names, durations in nanoseconds, RFC 3339 times. */
public final class Json {
    /** The shared mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return F.objectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return F.arrayNode();
    }

    /** An array of strings. */
    public static ArrayNode strings(Collection<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** An object of string values, keys sorted so the output is stable. */
    public static ObjectNode stringMap(Map<String, String> values) {
        ObjectNode o = F.objectNode();
        new TreeMap<>(values).forEach(o::put);
        return o;
    }

    /** Serialises a node to compact JSON. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON text. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
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

    /** A numeric field, or empty when missing or null. */
    public static Optional<Long> number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isNumber() ? Optional.empty() : Optional.of(v.asLong());
    }

    /** A boolean field, false when missing. */
    public static boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.asBoolean(false);
    }

    /** A Go duration field (nanoseconds), or empty when missing or zero-valued-and-absent. */
    public static Optional<Duration> nanos(JsonNode node, String field) {
        return number(node, field).map(Duration::ofNanos);
    }

    /** The duration in nanoseconds, as the Engine API wants it. */
    public static long toNanos(Duration d) {
        return d.toNanos();
    }

    /** An RFC 3339 time field; empty when missing or Go's zero time. */
    public static Optional<Instant> time(JsonNode node, String field) {
        Optional<String> t = text(node, field);
        if (t.isEmpty() || t.get().startsWith("0001-01-01")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(t.get()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A string array field; empty when missing. */
    public static List<String> list(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    /** A string map field; empty when missing. */
    public static Map<String, String> map(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null && v.isObject()) {
            v.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }

    /** The child object, or a missing node (never null). */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
    }
}
