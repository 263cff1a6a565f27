package dev.berth.image.internal;

import dev.berth.ImageNotFoundException;
import dev.berth.ImagePullException;
import dev.berth.ImagePushException;
import dev.berth.UnauthorizedException;
import dev.berth.registry.Credentials;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Registry failures as the 20.10 and 26 engines word them → Berth's exceptions with the registry and what to do. */
class RegistryErrorsTest {
    private static final Credentials CREDS = Credentials.of("ci-user", "pa55-w0rd");

    @Test
    void pull_wrongPassword_isUnauthorized_namingRegistryAndUser_notPassword() {
        RuntimeException e = RegistryErrors.pull("127.0.0.1:5001/app:1", "127.0.0.1:5001",
                "unauthorized: authentication required", Optional.of(CREDS), null);
        assertThat(e).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("registry 127.0.0.1:5001").hasMessageContaining("user 'ci-user'")
                .hasMessageContaining("check the user name and password").hasMessageNotContaining("pa55-w0rd");
        assertThat(((UnauthorizedException) e).registry()).contains("127.0.0.1:5001");
    }

    @Test
    void pull_noCredentials_isUnauthorized_sayingHowToPassThem() {
        RuntimeException e = RegistryErrors.pull("127.0.0.1:5001/app:1", "127.0.0.1:5001",
                "Head \"http://127.0.0.1:5001/v2/app/manifests/1\": no basic auth credentials", Optional.empty(), null);
        assertThat(e).isInstanceOf(UnauthorizedException.class).hasMessageContaining("anonymous access")
                .hasMessageContaining("docker login 127.0.0.1:5001");
    }

    @Test
    void pull_engineEchoingTheSecret_isRedacted() {
        RuntimeException e = RegistryErrors.pull("r/app:1", "r", "unauthorized: bad password pa55-w0rd",
                Optional.of(CREDS), null);
        assertThat(e).hasMessageNotContaining("pa55-w0rd").hasMessageContaining("****");
    }

    @Test
    void pull_manifestUnknown_isPullException() {
        RuntimeException e = RegistryErrors.pull("127.0.0.1:5000/nope:1", "127.0.0.1:5000",
                "manifest for 127.0.0.1:5000/nope:1 not found: manifest unknown: manifest unknown", Optional.empty(),
                null);
        assertThat(e).isInstanceOf(ImagePullException.class).hasMessageContaining("127.0.0.1:5000/nope:1")
                .hasMessageContaining("manifest unknown");
    }

    @Test
    void pull_hubPullAccessDenied_isNotFound_withLoginHint() {
        RuntimeException e = RegistryErrors.pull("private/app:1", "docker.io", "pull access denied for private/app,"
                + " repository does not exist or may require 'docker login': denied: requested access to the resource"
                + " is denied", Optional.empty(), null);
        assertThat(e).isInstanceOf(ImagePullException.class).hasMessageContaining("docker login docker.io");
    }

    @Test
    void pull_registryDown_saysItCannotBeReached() {
        RuntimeException e = RegistryErrors.pull("127.0.0.1:5999/a:1", "127.0.0.1:5999", "Get \"http://127.0.0.1:5999"
                + "/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused", Optional.empty(), null);
        assertThat(e).isInstanceOf(ImagePullException.class).hasMessageContaining("cannot be reached");
    }

    @Test
    void push_denied_isUnauthorized() {
        assertThat(RegistryErrors.push("127.0.0.1:5001/a:1", "127.0.0.1:5001", "unauthorized: authentication required",
                Optional.empty(), null)).isInstanceOf(UnauthorizedException.class).hasMessageContaining("push");
    }

    @Test
    void push_missingLocalTag_isImageNotFound_sayingToTagFirst() {
        assertThat(RegistryErrors.push("127.0.0.1:5000/a:1", "127.0.0.1:5000",
                "An image does not exist locally with the tag: 127.0.0.1:5000/a", Optional.empty(), null))
                .isInstanceOf(ImageNotFoundException.class).hasMessageContaining("tag the image");
    }

    @Test
    void push_otherFailure_isPushException() {
        assertThat(RegistryErrors.push("127.0.0.1:5000/a:1", "127.0.0.1:5000", "received unexpected HTTP status: 500",
                Optional.empty(), null)).isInstanceOf(ImagePushException.class);
    }

    @Test
    void login_refused_asThe20_10EngineWordsIt() {
        RuntimeException e = RegistryErrors.login("127.0.0.1:5001",
                "login attempt to http://127.0.0.1:5001/v2/ failed with status: 401 Unauthorized", CREDS, null);
        assertThat(e).isInstanceOf(UnauthorizedException.class).hasMessageStartingWith("Cannot log in to 127.0.0.1:5001")
                .hasMessageNotContaining("pa55-w0rd");
    }
}
