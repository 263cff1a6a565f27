package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Every Engine API call Berth makes, with the engine's negotiated version prefix, on Berth's one HTTP client
 * ({@link EngineHttp}): whole calls, streamed calls and streams. Error statuses become {@link EngineHttpException}.
 */
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

        /** The body as a JSON tree ({@link Json}); an empty body gives a missing node. */
        public JsonNode json() {
            return Json.read(body);
        }
    }

    /**
     * Calls {@code method path} (path without the version prefix, query included) and returns the reply.
     *
     * @throws EngineHttpException for statuses of 400 and above, so {@link Errors#translate} can map them
     */
    public static Reply call(Connection c, String method, String path, byte[] body) {
        return call(c, method, path, body, c.config().readTimeout());
    }

    /**
     * Calls like {@link #call(Connection, String, String, byte[])} with its own read timeout ({@link Duration#ZERO}: none).
     *
     * @throws UncheckedIOException wrapping a {@link java.net.SocketTimeoutException} when the engine sends nothing
     *                              for that long
     */
    public static Reply call(Connection c, String method, String path, byte[] body, Duration readTimeout) {
        try {
            EngineHttp.Reply r = c.http().call(method, "/v" + c.apiVersion() + path, Map.of(), body,
                    readTimeout.toMillis());
            if (r.status() >= 400) {
                throw new EngineHttpException(r.status(), r.text());
            }
            return new Reply(r.status(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Engine API call " + method + " " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code DELETE path}; false if the engine answers 404 (already gone), other errors thrown as by {@link #call}. */
    public static boolean deleteIfPresent(Connection c, String path) {
        try {
            call(c, "DELETE", path, null);
            return true;
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Calls with a body serialised by {@link Json#write}. */
    public static Reply callJson(Connection c, String method, String path, Object body) {
        return call(c, method, path, Json.bytes(body));
    }

    /** A call whose response body is still open: read it as it arrives, then close. */
    public static final class Streamed implements java.io.Closeable {
        private final EngineStream stream;
        private final InputStream body;

        private Streamed(EngineStream stream) {
            this.stream = stream;
            this.body = stream.body();
        }

        /** The response body, streamed. */
        public InputStream body() {
            return body;
        }

        /** A response header by case-insensitive name, or null. */
        public String header(String name) {
            return stream.header(name);
        }

        /** The JSON messages of a progress stream (pull, push, build, load), one at a time as they arrive. */
        public java.util.Iterator<JsonNode> messages() {
            return Json.messages(body);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    /**
     * Starts {@code method path} with extra headers and an optional request body (sent chunked as it is read), and
     * returns the response with its body still open; blocks until the response headers arrive.
     *
     * @throws EngineHttpException for statuses of 400 and above (the response is closed)
     */
    public static Streamed open(Connection c, String method, String path, Map<String, String> headers,
                                InputStream body) {
        try {
            return new Streamed(c.http().open(method, "/v" + c.apiVersion() + path, headers, body));
        } catch (IOException e) {
            throw new UncheckedIOException("Engine API call " + method + " " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** URL-encodes a query value. */
    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Opens a streaming GET ({@code /events}, {@code /containers/ID/stats}) on Berth's own client; returns once the
     * engine has answered with its headers. Close the stream to end it.
     */
    public static EngineStream openStream(Connection c, String path) {
        try {
            return c.http().open("GET", "/v" + c.apiVersion() + path, Map.of(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Engine API stream GET " + path + " failed: " + e.getMessage(), e);
        }
    }
}
