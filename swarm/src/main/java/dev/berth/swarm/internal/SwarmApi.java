package dev.berth.swarm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.NotFoundException;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.Json;
import dev.berth.internal.RawApi;
import dev.berth.swarm.NotSwarmManagerException;
import dev.berth.swarm.ServiceNotFoundException;
import dev.berth.swarm.SwarmLockedException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Swarm endpoints of the Engine API, called directly: docker-java 3.7.1 lacks job modes, placement preferences,
 * capabilities, rollback, unlock, node inspect and the init options, and its models would drop the fields they do
 * not know when a spec is read and written back. Every failure is translated to a Berth exception that names the
 * resource and what to do.
 */
public final class SwarmApi {
    private final Engine engine;

    public SwarmApi(Engine engine) {
        this.engine = engine;
    }

    /** The engine this API talks to. */
    public Engine engine() {
        return engine;
    }

    /** GETs {@code path} and parses the JSON body. */
    public JsonNode get(String path, String kind, String name, String action) {
        return call("GET", path, null, kind, name, action).json();
    }

    /** POSTs a JSON body (or none) and returns the reply. */
    public RawApi.Reply post(String path, JsonNode body, String kind, String name, String action) {
        return call("POST", path, body == null ? null : Json.bytes(body), kind, name, action);
    }

    /** DELETEs {@code path}. */
    public void delete(String path, String kind, String name, String action) {
        call("DELETE", path, null, kind, name, action);
    }

    /** One call with Berth's error translation. */
    public RawApi.Reply call(String method, String path, byte[] body, String kind, String name, String action) {
        try {
            return RawApi.call(EngineAccess.connection(engine), method, path, body);
        } catch (RuntimeException e) {
            throw translate(e, kind, name, action);
        }
    }

    /** A {@code filters} query parameter from name → values, already URL-encoded. */
    public static String filters(Map<String, List<String>> filters) {
        return dev.berth.internal.Filters.encode(filters);
    }

    /** Maps an Engine API failure on a swarm resource to the Berth exception a caller can act on. */
    public RuntimeException translate(RuntimeException e, String kind, String name, String action) {
        if (!(e instanceof EngineHttpException he)) {
            return Errors.translate(e, kind, name, action);
        }
        String msg = Errors.engineMessage(he);
        String lower = msg.toLowerCase(Locale.ROOT);
        String what = "Cannot " + action + " " + kind + (name.isEmpty() ? "" : " '" + name + "'");
        int status = he.getHttpStatus();
        if (lower.contains("needs to be unlocked") || lower.contains("swarm is encrypted")) {
            return new SwarmLockedException(what + ": the swarm manager at " + engine.config().host()
                    + " is locked (" + msg + "); unlock it with Swarm.unlock(key) using the key from"
                    + " Swarm.unlockKey()", e);
        }
        if (lower.contains("not a swarm manager") || lower.contains("not part of a swarm")) {
            return new NotSwarmManagerException(what + ": the engine at " + engine.config().host()
                    + " is not a swarm manager (" + msg + "); call Swarm.init() on it, join it to a swarm as a"
                    + " manager, or use a manager's engine", e);
        }
        if (lower.contains("already part of a swarm")) {
            return new ConflictException(what + ": the engine at " + engine.config().host() + " is already part of"
                    + " a swarm; leave it first (Swarm.leave(true)) or use the existing swarm", e);
        }
        if (status == 404) {
            if (kind.equals("service")) {
                return new ServiceNotFoundException(name, e);
            }
            return new NotFoundException(kind, name, what + ": " + msg + "; check the name or id", e);
        }
        if (lower.contains("update out of sequence")) {
            return new StaleVersionException(what + ": it was changed by someone else since its version was read ("
                    + msg + "); read it again and retry", e);
        }
        if (status == 409 || lower.contains("already exists") || lower.contains("name conflicts")) {
            return new ConflictException(what + ": " + msg + "; choose another name or remove the " + kind
                    + " that has it", e);
        }
        if (lower.contains("in use by") || lower.contains("is in use")) {
            return new ConflictException(what + ": " + msg + "; remove the services using it first", e);
        }
        return Errors.translate(e, kind, name, action);
    }
}
