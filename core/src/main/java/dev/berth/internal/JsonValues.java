package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading Engine API JSON into plain values; missing or null fields give empty values. */
public final class JsonValues {
    private JsonValues() {
    }

    /** A JSON object of strings as a map. */
    public static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** A JSON array of strings as a list. */
    public static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
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
}
