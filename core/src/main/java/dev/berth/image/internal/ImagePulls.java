package dev.berth.image.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.image.ImageRef;
import dev.berth.image.PullOptions;
import dev.berth.image.PullProgress;
import dev.berth.image.PushOptions;
import dev.berth.image.PushProgress;
import dev.berth.image.PushResult;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Connection;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.registry.Credentials;
import dev.berth.registry.RegistryAuth;
import dev.berth.registry.internal.AuthHeaders;
import dev.berth.registry.internal.RegistryKeys;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker pull} and {@code docker push} on the Engine API directly, so that credentials travel only in the
 * {@code X-Registry-Auth} header (docker-java prints its commands, credentials included, at debug level).
 */
public final class ImagePulls {
    private ImagePulls() {
    }

    /** Pulls the reference (tag {@code latest} if none) with default options; blocks until done. */
    public static String pull(Connection conn, String reference) {
        return pull(conn, reference, PullOptions.defaults());
    }

    /** Pulls the reference (tag {@code latest} if none); blocks until done, reporting progress as it goes. */
    public static String pull(Connection conn, String reference, PullOptions options) {
        ImageRef ref = ImageRef.parse(reference).withDefaultTag();
        String registry = RegistryKeys.registryOf(ref);
        Optional<Credentials> creds = credentials(options.auth(), registry);
        String path = createPath(ref, options.platform());
        try (RawApi.Streamed s = RawApi.open(conn, "POST", path, headers(registry, creds, false), null)) {
            for (Iterator<JsonNode> it = s.messages(); it.hasNext(); ) {
                JsonNode m = it.next();
                String error = error(m);
                if (error != null) {
                    throw RegistryErrors.pull(ref.toString(), registry, error, creds, null);
                }
                if (m.has("status")) {
                    options.progress().accept(new PullProgress(layerId(m), m.path("status").asText(),
                            m.path("progressDetail").path("current").asLong(0),
                            m.path("progressDetail").path("total").asLong(0)));
                }
            }
        } catch (EngineHttpException e) {
            throw RegistryErrors.pull(ref.toString(), registry, Errors.engineMessage(e), creds, e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", ref.toString(), "pull");
        }
        return ref.toString();
    }

    /** The {@code POST /images/create} path: as the CLI, a digest wins over the tag and goes in the tag parameter. */
    static String createPath(ImageRef ref, Optional<String> platform) {
        ImageRef r = ref.withDefaultTag();
        return "/images/create?fromImage=" + RawApi.q(r.repository())
                + "&tag=" + RawApi.q(r.digest().orElseGet(() -> r.tag().orElseThrow()))
                + platform.map(p -> "&platform=" + RawApi.q(p)).orElse("");
    }

    /** Pushes the reference (tag {@code latest} if none); blocks until done, reporting progress as it goes. */
    public static PushResult push(Connection conn, String reference, PushOptions options) {
        ImageRef ref = ImageRef.parse(reference);
        if (ref.digest().isPresent()) {
            throw new IllegalArgumentException("Cannot push '" + reference + "': a digest reference names an image"
                    + " already in a registry; push a tag (repository:tag)");
        }
        ref = ref.withDefaultTag();
        String registry = RegistryKeys.registryOf(ref);
        Optional<Credentials> creds = credentials(options.auth(), registry);
        String path = "/images/" + ref.repository() + "/push?tag=" + RawApi.q(ref.tag().orElseThrow());
        String digest = null;
        long size = 0;
        try (RawApi.Streamed s = RawApi.open(conn, "POST", path, headers(registry, creds, true), null)) {
            for (Iterator<JsonNode> it = s.messages(); it.hasNext(); ) {
                JsonNode m = it.next();
                String error = error(m);
                if (error != null) {
                    throw RegistryErrors.push(ref.toString(), registry, error, creds, null);
                }
                JsonNode aux = m.path("aux");
                if (aux.has("Digest")) {
                    digest = aux.path("Digest").asText();
                    size = aux.path("Size").asLong();
                } else if (m.has("status")) {
                    options.progress().accept(new PushProgress(layerId(m), m.path("status").asText(),
                            m.path("progressDetail").path("current").asLong(0),
                            m.path("progressDetail").path("total").asLong(0)));
                }
            }
        } catch (EngineHttpException e) {
            throw RegistryErrors.push(ref.toString(), registry, Errors.engineMessage(e), creds, e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "image", ref.toString(), "push");
        }
        if (digest == null) {
            throw RegistryErrors.push(ref.toString(), registry, "the engine reported no digest", creds, null);
        }
        return new PushResult(ref.toString(), digest, size);
    }

    /** The engine's error in a progress message, or null. */
    static String error(JsonNode m) {
        if (m.hasNonNull("errorDetail") && m.path("errorDetail").hasNonNull("message")) {
            return m.path("errorDetail").path("message").asText();
        }
        return m.hasNonNull("error") ? m.path("error").asText() : null;
    }

    /** The layer a progress message is about; image-level messages ("Pulling from …", digests) have none. */
    static Optional<String> layerId(JsonNode m) {
        String id = m.path("id").asText("");
        String status = m.path("status").asText("");
        if (id.isEmpty() || status.startsWith("Pulling from") || status.startsWith("Digest:")
                || status.startsWith("Status:")) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static Optional<Credentials> credentials(RegistryAuth auth, String registry) {
        return auth.credentials(registry);
    }

    private static Map<String, String> headers(String registry, Optional<Credentials> creds, boolean required) {
        if (creds.isPresent()) {
            return Map.of("X-Registry-Auth", AuthHeaders.registryAuth(registry, creds.get()));
        }
        return required ? Map.of("X-Registry-Auth", AuthHeaders.anonymous()) : Map.of();
    }
}
