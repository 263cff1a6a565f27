package dev.berth.image.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Connection;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.registry.Credentials;
import dev.berth.registry.internal.RegistryKeys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code docker login} without storing anything: {@code POST /auth}. */
public final class RegistryLogin {
    private RegistryLogin() {
    }

    /** Checks the credentials; returns the identity token the registry issued, if any. */
    public static Optional<String> login(Connection conn, String registry, Credentials credentials) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(credentials, "credentials");
        String host = RegistryKeys.hostname(registry);
        Map<String, String> body = new LinkedHashMap<>();
        credentials.identityToken().ifPresentOrElse(t -> body.put("identitytoken", t), () -> {
            body.put("username", credentials.username());
            body.put("password", credentials.password().orElse(""));
        });
        body.put("serveraddress", RegistryKeys.configKey(host));
        try {
            JsonNode r = RawApi.callJson(conn, "POST", "/auth", body).json();
            String token = r.path("IdentityToken").asText("");
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (EngineHttpException e) {
            throw RegistryErrors.login(host, Errors.engineMessage(e), credentials, e);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "registry", host, "log in to");
        }
    }
}
