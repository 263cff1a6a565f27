package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Engine API calls that docker-java lacks or that Berth makes itself, with the engine's negotiated version prefix:
 * short calls on Berth's own HTTP client, streamed ones on docker-java's transport.
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

    /** {@code DELETE path}; false if the engine answers 404 (already gone), other errors thrown as by {@link #call}. */
    public static boolean deleteIfPresent(Engine engine, String path) {
        try {
            call(engine, "DELETE", path, null);
            return true;
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Calls with a body serialised by {@link Json#write}. */
    public static Reply callJson(Engine engine, String method, String path, Object body) {
        return call(engine, method, path, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** A call whose response body is still open: read it as it arrives, then close. */
    public static final class Streamed implements java.io.Closeable {
        private final DockerHttpClient.Response response;
        private final InputStream body;

        private Streamed(DockerHttpClient.Response response, InputStream body) {
            this.response = response;
            this.body = body;
        }

        /** The response body, streamed. */
        public InputStream body() {
            return body;
        }

        /** The JSON messages of a progress stream (pull, push, build, load), one at a time as they arrive. */
        public java.util.Iterator<JsonNode> messages() {
            try {
                return Holder.JACKSON.readerFor(JsonNode.class).readValues(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException | RuntimeException ignored) {
                // closing is best effort
            }
            response.close();
        }
    }

    /**
     * Starts {@code method path} with extra headers and an optional streamed request body, and returns the response
     * with its body still open; blocks until the response headers arrive.
     *
     * @throws EngineHttpException for statuses of 400 and above (the response is closed)
     */
    public static Streamed open(Engine engine, String method, String path, Map<String, String> headers,
                                InputStream body) {
        DockerHttpClient.Request.Builder b = DockerHttpClient.Request.builder()
                .method(method).path("/v" + engine.apiVersion() + path).putAllHeaders(headers);
        if (body != null) {
            b.body(body);
        }
        DockerHttpClient.Response r = engine.httpClient().execute(b.build());
        InputStream in = r.getBody() == null ? InputStream.nullInputStream() : r.getBody();
        if (r.getStatusCode() >= 400) {
            String text;
            try (in) {
                text = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = e.getMessage();
            } finally {
                r.close();
            }
            throw new EngineHttpException(r.getStatusCode(), text);
        }
        return new Streamed(r, in);
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
