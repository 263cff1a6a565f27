package dev.berth.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Berth's one JSON reader and writer: every Engine API reply, progress stream and request body, every docker config
 * file, in core, compose and swarm. Jackson's streaming parser and generator over one shared {@link JsonFactory},
 * building Jackson {@link JsonNode} trees directly, without an {@code ObjectMapper}: its set-up costs about 0.2 s of
 * class loading in a fresh JVM, which would be a third of Berth's time to a first running container (measured in
 * docs/benchmarks.md, issue 14). Numbers become the node types an {@code ObjectMapper} would make (int, long,
 * big integer, double).
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** Go's {@code encoding/json} limits: 10,000 levels of nesting, numbers and names of any length. */
    private static final JsonFactory GO = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(10_000).maxNumberLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** Parses one JSON document; an empty text gives a missing node. */
    public static JsonNode read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            return document(p);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Parses one UTF-8 JSON document; an empty body gives a missing node. */
    public static JsonNode read(byte[] utf8) {
        try (JsonParser p = FACTORY.createParser(utf8)) {
            return document(p);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * The JSON values of a stream (progress of pull, push, build, load; one event per line), each returned as soon as
     * its last byte has arrived; {@code hasNext()} blocks until the next value starts or the stream ends. Closing the
     * stream is the caller's.
     *
     * @throws UncheckedIOException from {@code hasNext()}/{@code next()} when reading fails or a value is malformed
     */
    public static Iterator<JsonNode> messages(InputStream in) {
        return new Iterator<>() {
            private JsonParser p;
            private JsonToken next;
            private boolean peeked;

            @Override
            public boolean hasNext() {
                if (!peeked) {
                    try {
                        if (p == null) {
                            p = FACTORY.createParser(in); // reads the first bytes (encoding detection): not earlier
                        }
                        next = p.nextToken();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    peeked = true;
                }
                return next != null;
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                peeked = false;
                try {
                    return value(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * Reads {@code text} as Go's {@code encoding/json} reads a {@code []string} (a Dockerfile's exec form): null when it
     * is not exactly one valid JSON array (surrounding whitespace aside; more than 10,000 levels of nesting are not
     * valid, as in Go), else its items in order, with null for each item that is not a string. Reads tokens only,
     * without building nested values, so deep nesting costs no stack.
     */
    public static List<String> stringArray(String text) {
        try (JsonParser p = GO.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    return null;
                }
                if (t == JsonToken.VALUE_STRING) {
                    items.add(p.getText());
                } else {
                    p.skipChildren(); // a no-op for scalars
                    items.add(null);
                }
            }
            return p.nextToken() == null ? items : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A new empty object, for request bodies. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array, for request bodies. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** An array of strings. */
    public static ArrayNode strings(Collection<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** An object of string values, keys sorted so the output is stable. */
    public static ObjectNode stringMap(Map<String, String> values) {
        ObjectNode o = NODES.objectNode();
        new TreeMap<>(values).forEach(o::put);
        return o;
    }

    /**
     * Serialises compactly: {@link JsonNode}s, maps (keys in iteration order), iterables, strings, numbers, booleans
     * and null.
     */
    public static String write(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** {@link #write} as UTF-8 bytes. */
    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A tree as plain Java values: maps (in document order), lists, strings, Long/Double, booleans and null. */
    public static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            n.forEach(v -> l.add(plain(v)));
            return l;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.isBoolean() ? (Object) n.asBoolean() : n.asText();
    }

    private static JsonNode document(JsonParser p) throws IOException {
        if (p.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode v = value(p);
        if (p.nextToken() != null) {
            throw new IllegalArgumentException("Malformed JSON: more than one value (at " + p.currentLocation() + ")");
        }
        return v;
    }

    /** The value starting at the parser's current token. */
    private static JsonNode value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    o.set(key, value(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalArgumentException("Malformed JSON: unexpected " + p.currentToken() + " at "
                        + p.currentLocation());
        }
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof JsonNode n) {
            node(g, n);
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> it) {
            g.writeStartArray();
            for (Object o : it) {
                write(g, o);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("Cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void node(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    node(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode e : n) {
                    node(g, e);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NUMBER -> {
                if (n.isIntegralNumber()) {
                    if (n.canConvertToLong()) {
                        g.writeNumber(n.longValue());
                    } else {
                        g.writeNumber(n.bigIntegerValue());
                    }
                } else if (n.isBigDecimal()) {
                    g.writeNumber(n.decimalValue());
                } else {
                    g.writeNumber(n.doubleValue());
                }
            }
            case MISSING, NULL -> g.writeNull();
            default -> throw new IllegalArgumentException("Cannot write a " + n.getNodeType() + " JSON node");
        }
    }

    private static IllegalArgumentException malformed(IOException e) {
        return new IllegalArgumentException("Malformed JSON: " + e.getMessage(), e);
    }
}
