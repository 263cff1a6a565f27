package dev.berth.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.Engine;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;

import java.util.List;
import java.util.Map;

/** Engine API calls for the Compose engine, on Berth's lean HTTP client; failures become Berth exceptions. */
final class Api {
    private final Engine engine;
    private final Connection conn;

    Api(Engine engine) {
        this.engine = engine;
        this.conn = EngineAccess.connection(engine);
    }

    Engine engine() {
        return engine;
    }

    /** The engine's connection, for streamed calls. */
    Connection conn() {
        return conn;
    }

    /** GET returning a JSON object; translated failure names {@code kind} and {@code name}. */
    JsonNode object(String path, String kind, String name) {
        try {
            return RawApi.call(conn, "GET", path, null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind, name, "inspect");
        }
    }

    /** GET returning a JSON object, or null when the engine answers 404. */
    JsonNode objectOrNull(String path, String kind, String name) {
        try {
            return RawApi.call(conn, "GET", path, null).json();
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                return null;
            }
            throw Errors.translate(e, kind, name, "inspect");
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind, name, "inspect");
        }
    }

    /** GET returning a JSON array of objects. */
    JsonNode list(String path, String kind) {
        try {
            return RawApi.call(conn, "GET", path, null).json();
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind, "*", "list");
        }
    }

    /** A call with an optional JSON body; translated failure says {@code action} on {@code kind} {@code name}. */
    RawApi.Reply call(String method, String path, Object body, String action, String kind, String name) {
        try {
            return body == null ? RawApi.call(conn, method, path, null) : RawApi.callJson(conn, method, path, body);
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind, name, action);
        }
    }

    /** The HTTP status of a failed call, or 0 when it is not an engine status. */
    static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EngineHttpException h) {
                return h.getHttpStatus();
            }
        }
        return 0;
    }

    /** A call that tolerates the given statuses (e.g. 404 on remove, 304 on start); returns the status. */
    int tolerate(String method, String path, Object body, int... ok) {
        try {
            return (body == null ? RawApi.call(conn, method, path, null) : RawApi.callJson(conn, method, path, body))
                    .status();
        } catch (EngineHttpException e) {
            for (int s : ok) {
                if (e.getHttpStatus() == s) {
                    return s;
                }
            }
            throw e;
        }
    }

    /** A filters query parameter value: {@code {"label":["a=b","c"]}} URL-encoded. */
    static String filters(Map<String, List<String>> filters) {
        return dev.berth.internal.Filters.encode(filters);
    }

    boolean apiAtLeast(String version) {
        return conn.apiAtLeast(version);
    }
}
