package dev.berth.junit.internal;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.compose.model.Project;
import dev.berth.container.ContainerSpec;
import dev.berth.container.NetworkAttachment;
import dev.berth.container.PullPolicy;
import dev.berth.container.internal.CreateMapping;
import dev.berth.image.Image;
import dev.berth.internal.Json;
import dev.berth.junit.FixtureException;
import dev.berth.network.NetworkSpec;
import dev.berth.network.internal.NetworkMapping;
import dev.berth.volume.VolumeSpec;
import dev.berth.volume.internal.VolumeMapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash that identifies a reusable fixture: SHA-256 of the Engine API request that would create it (without
 * Berth's session labels), in a canonical form — object keys sorted, environment variables sorted, so that a spec
 * declaring the same labels or variables in another order is the same fixture — plus, for containers, the name, the
 * extra networks and the id the image reference resolves to now, so a rebuilt image is not mistaken for the old one.
 */
final class SpecHash {
    /** Changes whenever the request for a spec changes shape, so fixtures made by older Berths are not adopted. */
    private static final String VERSION = "berth-reuse-2";

    private SpecHash() {
    }

    static String container(Engine engine, ContainerSpec spec, String field) {
        if (spec.customizer().isPresent()) {
            throw new FixtureException("Container fixture '" + field + "' has a customize(…) hook, whose effect Berth"
                    + " cannot compare between runs; drop reuse = true or the hook");
        }
        Map<String, Object> request = containerRequest(spec);
        request.put("ImageId", imageId(engine, spec, field));
        return hash("container", request);
    }

    /** What identifies a container fixture apart from its image's id: the create body, name and networks. */
    static Map<String, Object> containerRequest(ContainerSpec spec) {
        Map<String, Object> request = new LinkedHashMap<>(CreateMapping.body(spec, Map.of()));
        request.put("Name", spec.name().orElse(""));
        List<Object> networks = new ArrayList<>();
        for (NetworkAttachment n : spec.networks()) {
            networks.add(List.of(n.network(), List.copyOf(n.aliases()), n.ipv4Address().orElse("")));
        }
        request.put("Networks", networks);
        return request;
    }

    static String network(NetworkSpec spec) {
        return hash("network", NetworkMapping.createBody(spec, Map.of()));
    }

    static String volume(VolumeSpec spec) {
        return hash("volume", VolumeMapping.createBody(spec, Map.of()));
    }

    static String compose(Project project) {
        return hash("compose", Map.of("Project", project.toJson()));
    }

    private static String imageId(Engine engine, ContainerSpec spec, String field) {
        Image image = engine.image(spec.image());
        try {
            if (!image.exists() && spec.pull() != PullPolicy.NEVER) {
                image.pull();
            }
            return image.id();
        } catch (BerthException e) {
            throw new FixtureException("Cannot resolve the image of reusable container fixture '" + field + "': "
                    + e.getMessage(), e);
        }
    }

    private static String hash(String kind, Map<String, Object> request) {
        String canonical = Json.write(List.of(VERSION, kind, canonical(request, "")));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Keys sorted at every level; the Env list sorted too, since its order is only the spec's declaration order. */
    static Object canonical(Object value, String key) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v, String.valueOf(k))));
            return sorted;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(canonical(v, "")));
            if (key.equals("Env")) {
                out.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            }
            return out;
        }
        return value;
    }
}
