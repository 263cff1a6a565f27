package dev.berth.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for one registry: a user name and password, or an identity token (as {@code docker login} stores for
 * OAuth registries). {@link #toString()} never shows the secret, nor do Berth's logs or exception messages.
 */
public final class Credentials {
    private final String username;
    private final String password;
    private final String identityToken;

    private Credentials(String username, String password, String identityToken) {
        this.username = username;
        this.password = password;
        this.identityToken = identityToken;
    }

    /** A user name and password (or personal access token), as {@code docker login -u USER}. */
    public static Credentials of(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty()) {
            throw new IllegalArgumentException("The registry user name is empty");
        }
        return new Credentials(username, password, null);
    }

    /** An identity (refresh) token, as config.json's {@code identitytoken} or a helper's {@code <token>} user. */
    public static Credentials identityToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("The identity token is empty");
        }
        return new Credentials("", null, token);
    }

    /** The user name; empty for an identity token. */
    public String username() {
        return username;
    }

    /** The password; empty for an identity token. Handle with care: this is the secret. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The identity token, if these are token credentials. Handle with care: this is the secret. */
    public Optional<String> identityToken() {
        return Optional.ofNullable(identityToken);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.username.equals(username) && Objects.equals(c.password, password)
                && Objects.equals(c.identityToken, identityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password, identityToken);
    }

    /** Names the user and the kind of secret, never the secret. */
    @Override
    public String toString() {
        return identityToken != null ? "Credentials[identity token ****]"
                : "Credentials[user " + username + ", password ****]";
    }
}
