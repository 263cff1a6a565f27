package dev.berth.compose.internal;

import dev.berth.compose.model.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code com.docker.compose.config-hash} of a service, computed as Docker Compose 2.26.1 does
 * ({@code pkg/compose/hash.go}): SHA-256 of Go's {@code json.Marshal} of compose-go's {@code ServiceConfig}, with
 * {@code build}, {@code pull_policy}, {@code scale} and {@code deploy.replicas} cleared, {@code env_file} discarded once
 * it has been folded into {@code environment}, and {@code service:} references already resolved to container ids.
 */
public final class ServiceHash {
    private ServiceHash() {
    }

    /**
     * Hashes the service; {@code containerOf} gives the id of the first container of a service referenced by
     * {@code network_mode}, {@code ipc}, {@code pid} or {@code volumes_from} (null when there is none yet).
     */
    public static String of(Service service, Function<String, String> containerOf) {
        return sha256(json(service, containerOf));
    }

    /** Hashes a service definition edited for a one-off container ({@code run}). */
    static String ofRaw(String name, Map<String, Object> definition, Function<String, String> containerOf) {
        return sha256(json(name, definition, containerOf));
    }

    /** The exact bytes that are hashed, as text. */
    static String json(Service service, Function<String, String> containerOf) {
        return json(service.name(), service.raw(), containerOf);
    }

    private static String json(String name, Map<String, Object> definition, Function<String, String> containerOf) {
        Map<String, Object> raw = new LinkedHashMap<>(definition);
        raw.remove("build");
        raw.remove("pull_policy");
        raw.remove("scale");
        raw.remove("env_file");
        Map<String, Object> deploy = Types.asMap(raw.get("deploy"));
        if (deploy != null) {
            deploy = new LinkedHashMap<>(deploy);
            deploy.remove("replicas");
            raw.put("deploy", deploy);
        }
        for (String key : List.of("network_mode", "ipc", "pid")) {
            if (raw.get(key) instanceof String mode && mode.startsWith("service:")) {
                String id = containerOf.apply(mode.substring("service:".length()));
                if (id != null) {
                    raw.put(key, "container:" + id);
                }
            }
        }
        List<Object> from = Types.asList(raw.get("volumes_from"));
        if (from != null) {
            List<Object> resolved = new ArrayList<>();
            for (Object o : from) {
                String spec = String.valueOf(o);
                String[] parts = spec.split(":");
                if (parts[0].equals("container") && parts.length > 1) {
                    resolved.add(parts[1]);
                } else {
                    String id = containerOf.apply(parts[0]);
                    resolved.add(id == null ? spec : id);
                }
            }
            raw.put("volumes_from", resolved);
        }
        return GoJson.compact(GoRenderer.renderStruct(raw, "Service", "services." + name));
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
