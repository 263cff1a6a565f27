package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.Engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Engine API calls made on Berth's own HTTP client, with the engine's negotiated version prefix. */
public final class RawApi {
    private RawApi() {
    }

    /**
     * A finished call.
     *
     * @param status  HTTP status
     * @param headers response headers, names in lower case
     * @param body    response body
     */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        /** A header value by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as a JSON object of maps, lists, strings, numbers and booleans ({@link Json}). */
        public Map<String, Object> object() {
            return Json.object(text());
        }

        /** The body parsed with Jackson, for callers that walk large documents. */
        public JsonNode json() {
            try {
                return Holder.JACKSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Holder {
        static final ObjectMapper JACKSON = new ObjectMapper();
    }

    /**
     * Calls {@code method path} (path without the version prefix, query included) and returns the reply.
     *
     * @throws EngineHttpException for statuses of 400 and above, so {@link Errors#translate} can map them
     */
    public static Reply call(Engine engine, String method, String path, byte[] body) {
        Connection c = EngineAccess.connection(engine);
        try {
            EngineHttp.Reply r = c.http().call(method, "/v" + c.apiVersion() + path, body);
            if (r.status() >= 400) {
                throw new EngineHttpException(r.status(), r.text());
            }
            return new Reply(r.status(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Engine API call " + method + " " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** Calls with a body serialised by {@link Json#write}. */
    public static Reply callJson(Engine engine, String method, String path, Object body) {
        return call(engine, method, path, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** URL-encodes a query value. */
    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Opens a streaming GET ({@code /events}, {@code /containers/ID/stats}) on Berth's own client; returns once the
     * engine has answered with its headers. Close the stream to end it.
     */
    public static EngineStream openStream(Engine engine, String path) {
        Connection c = EngineAccess.connection(engine);
        try {
            return c.http().stream("/v" + c.apiVersion() + path);
        } catch (IOException e) {
            throw new UncheckedIOException("Engine API stream GET " + path + " failed: " + e.getMessage(), e);
        }
    }
}
