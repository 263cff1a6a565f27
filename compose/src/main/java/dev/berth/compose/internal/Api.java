package dev.berth.compose.internal;

import dev.berth.Engine;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.Json;
import dev.berth.internal.RawApi;

import java.util.List;
import java.util.Map;

/** Engine API calls for the Compose engine, on Berth's lean HTTP client; failures become Berth exceptions. */
final class Api {
    private final Engine engine;

    Api(Engine engine) {
        this.engine = engine;
    }

    Engine engine() {
        return engine;
    }

    /** GET returning a JSON object; translated failure names {@code kind} and {@code name}. */
    Map<String, Object> object(String path, String kind, String name) {
        try {
            return RawApi.call(engine, "GET", path, null).object();
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind, name, "inspect");
        }
    }

    /** GET returning a JSON object, or null when the engine answers 404. */
    Map<String, Object> objectOrNull(String path, String kind, String name) {
        try {
            return RawApi.call(engine, "GET", path, null).object();
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
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String path, String kind) {
        try {
            Object v = Json.parse(RawApi.call(engine, "GET", path, null).text());
            return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind, "*", "list");
        }
    }

    /** A call with an optional JSON body; translated failure says {@code action} on {@code kind} {@code name}. */
    RawApi.Reply call(String method, String path, Object body, String action, String kind, String name) {
        try {
            return body == null ? RawApi.call(engine, method, path, null) : RawApi.callJson(engine, method, path, body);
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
            return (body == null ? RawApi.call(engine, method, path, null) : RawApi.callJson(engine, method, path, body))
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
        return dev.berth.internal.Connection.compare(engine.apiVersion(), version) >= 0;
    }
}
