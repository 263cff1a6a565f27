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
import java.util.List;
import java.util.Map;

/** Engine API calls that docker-java does not offer, made on the engine's own transport and API version. */
public final class RawApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawApi() {
    }

    /**
     * A finished call.
     *
     * @param status  HTTP status
     * @param headers response headers
     * @param body    response body
     */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        /** A header value, matched case-insensitively, or null. */
        public String header(String name) {
            return Connection.header(headers, name);
        }

        /** The body parsed as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Calls {@code method path} (path without the version prefix, query included) and returns the reply.
     *
     * @throws EngineHttpException for statuses of 400 and above, so {@link Errors#translate} can map them
     */
    public static Reply call(Engine engine, String method, String path, byte[] body) {
        DockerHttpClient.Request.Builder b = DockerHttpClient.Request.builder()
                .method(method).path("/v" + engine.apiVersion() + path);
        if (body != null) {
            b.bodyBytes(body).putHeader("Content-Type", "application/json");
        }
        try (DockerHttpClient.Response r = engine.httpClient().execute(b.build())) {
            byte[] bytes;
            try (InputStream in = r.getBody()) {
                bytes = in == null ? new byte[0] : in.readAllBytes();
            }
            if (r.getStatusCode() >= 400) {
                throw new EngineHttpException(r.getStatusCode(), new String(bytes, StandardCharsets.UTF_8));
            }
            return new Reply(r.getStatusCode(), r.getHeaders(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Engine API call " + method + " " + path + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a streaming call and returns as soon as the engine has sent the response head; the caller reads and
     * must close the response.
     *
     * @throws EngineHttpException for statuses of 400 and above, so {@link Errors#translate} can map them
     */
    public static DockerHttpClient.Response stream(Engine engine, String method, String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(method).path("/v" + engine.apiVersion() + path).build();
        DockerHttpClient.Response r = engine.httpClient().execute(request);
        if (r.getStatusCode() >= 400) {
            try (r; InputStream in = r.getBody()) {
                throw new EngineHttpException(r.getStatusCode(),
                        in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Engine API call " + method + " " + path + " failed: " + e.getMessage(), e);
            }
        }
        return r;
    }

    /** Calls with a JSON-serialised body. */
    public static Reply callJson(Engine engine, String method, String path, Object body) {
        try {
            return call(engine, method, path, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** URL-encodes a query value. */
    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
