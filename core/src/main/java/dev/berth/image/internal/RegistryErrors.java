package dev.berth.image.internal;

import dev.berth.BerthException;
import dev.berth.ImageNotFoundException;
import dev.berth.ImagePullException;
import dev.berth.ImagePushException;
import dev.berth.UnauthorizedException;
import dev.berth.registry.Credentials;
import dev.berth.registry.internal.AuthHeaders;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a registry failure the engine reports (as an HTTP error or an {@code error} message in a progress stream)
 * into Berth's exception, naming the image and the registry and saying what to do. Never includes a secret: the
 * engine's text is redacted against the credentials that were sent.
 */
public final class RegistryErrors {
    private RegistryErrors() {
    }

    /** Whether the engine's message means the registry refused the credentials (or their absence). */
    public static boolean isUnauthorized(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("unauthorized") || m.contains("no basic auth credentials")
                || m.contains("authentication required") || m.contains("401 unauthorized")
                || m.contains("requested access to the resource is denied") || m.contains("incorrect username or password");
    }

    private static boolean isUnreachable(String m) {
        return m.contains("connection refused") || m.contains("no such host") || m.contains("i/o timeout")
                || m.contains("server gave http response to https client") || m.contains("network is unreachable")
                || m.contains("tls: ") || m.contains("x509:") || m.contains("connection reset");
    }

    /** The exception for a failed pull. */
    public static RuntimeException pull(String reference, String registry, String engineMessage,
                                        Optional<Credentials> sent, Throwable cause) {
        String msg = AuthHeaders.redact(engineMessage, sent.stream().toList());
        String lower = msg.toLowerCase(Locale.ROOT);
        if (isUnauthorized(msg) && !lower.contains("pull access denied")) {
            return unauthorized("pull", reference, registry, msg, sent, cause);
        }
        if (isUnreachable(lower)) {
            return new ImagePullException(reference, "registry " + registry + " cannot be reached from the engine ("
                    + msg + "); check that it is running and that the engine trusts it (plain-HTTP registries other"
                    + " than 127.0.0.0/8 must be in the daemon's insecure-registries)", cause);
        }
        if (lower.contains("pull access denied") && sent.isEmpty()) {
            return new ImagePullException(reference, msg + " (no credentials were found for " + registry
                    + "; pass them with PullOptions.auth or run `docker login " + registry + "`)", cause);
        }
        return new ImagePullException(reference, msg, cause);
    }

    /** The exception for a failed push. */
    public static RuntimeException push(String reference, String registry, String engineMessage,
                                        Optional<Credentials> sent, Throwable cause) {
        String msg = AuthHeaders.redact(engineMessage, sent.stream().toList());
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("does not exist locally") || lower.contains("no such image")) {
            return new ImageNotFoundException(reference, "Cannot push '" + reference + "': no local image has that"
                    + " reference; tag the image with it first (image.tag(\"" + reference + "\"))", cause);
        }
        if (isUnauthorized(msg)) {
            return unauthorized("push", reference, registry, msg, sent, cause);
        }
        if (isUnreachable(lower)) {
            return new ImagePushException(reference, "Cannot push '" + reference + "': registry " + registry
                    + " cannot be reached from the engine (" + msg + "); check that it is running and that the engine"
                    + " trusts it", cause);
        }
        return new ImagePushException(reference, "Cannot push '" + reference + "' to " + registry + ": " + msg
                + "; check the registry's log and free space", cause);
    }

    /** The exception for a refused {@code docker login}. */
    public static RuntimeException login(String registry, String engineMessage, Credentials sent, Throwable cause) {
        String msg = AuthHeaders.redact(engineMessage, List.of(sent));
        if (isUnauthorized(msg) || msg.toLowerCase(Locale.ROOT).contains("login attempt")) {
            return unauthorized("log in to", registry, registry, msg, Optional.of(sent), cause);
        }
        return new BerthException("Cannot log in to " + registry + ": " + msg
                + "; check that the registry is running and reachable from the engine", cause);
    }

    private static UnauthorizedException unauthorized(String action, String what, String registry, String msg,
                                                      Optional<Credentials> sent, Throwable cause) {
        String who = sent.map(c -> c.identityToken().isPresent() ? "the identity token"
                : "the credentials of user '" + c.username() + "'").orElse("anonymous access");
        String todo = sent.isPresent()
                ? "check the user name and password (or token) for " + registry
                + "; a stored login may be stale: run `docker login " + registry + "` again"
                : "pass credentials for " + registry + " (RegistryAuth.of(...)) or run `docker login " + registry + "`";
        String target = action.equals("log in to") ? registry : "'" + what + "'";
        return new UnauthorizedException(registry, "Cannot " + action + " " + target + ": registry " + registry
                + " refused " + who + " (" + msg + "); " + todo, cause);
    }
}
