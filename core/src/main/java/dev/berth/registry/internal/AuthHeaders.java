package dev.berth.registry.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.internal.Json;
import dev.berth.registry.Credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * The Engine API's credential headers: {@code X-Registry-Auth} (one registry, for pull and push) and
 * {@code X-Registry-Config} (every registry, for build), both base64url-encoded JSON as the docker CLI sends them.
 * Only these headers ever hold a secret; nothing here logs.
 */
public final class AuthHeaders {
    private AuthHeaders() {
    }

    /** The {@code X-Registry-Auth} value for a registry. */
    public static String registryAuth(String registry, Credentials c) {
        return encode(node(registry, c));
    }

    /** The {@code X-Registry-Auth} value for anonymous access ({@code {}}), which the engine requires for push. */
    public static String anonymous() {
        return encode(Json.object());
    }

    /** The {@code X-Registry-Config} value: registry key → auth config. */
    public static String registryConfig(Map<String, Credentials> byRegistry) {
        ObjectNode root = Json.object();
        byRegistry.forEach((r, c) -> root.set(RegistryKeys.configKey(r), node(r, c)));
        return encode(root);
    }

    /** Replaces every secret of {@code credentials} found in {@code text} with {@code ****}. */
    public static String redact(String text, Collection<Credentials> credentials) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Credentials c : credentials) {
            for (String secret : new String[] {c.password().orElse(null), c.identityToken().orElse(null)}) {
                if (secret != null && secret.length() >= 3) {
                    out = out.replace(secret, "****");
                    String b64 = Base64.getEncoder().encodeToString((c.username() + ":" + secret)
                            .getBytes(StandardCharsets.UTF_8));
                    out = out.replace(b64, "****");
                }
            }
        }
        return out;
    }

    private static ObjectNode node(String registry, Credentials c) {
        ObjectNode n = Json.object();
        c.identityToken().ifPresentOrElse(t -> n.put("identitytoken", t), () -> {
            n.put("username", c.username());
            n.put("password", c.password().orElse(""));
        });
        n.put("serveraddress", RegistryKeys.configKey(registry));
        return n;
    }

    private static String encode(ObjectNode node) {
        return Base64.getUrlEncoder().encodeToString(Json.bytes(node));
    }
}
