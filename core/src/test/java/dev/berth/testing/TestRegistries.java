package dev.berth.testing;

import dev.berth.registry.Credentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The two local registries .ci/setup.d/registry.sh starts (Debian's docker-registry, distribution 2.8). Addresses and
 * the test login come from system properties, with the script's values as defaults:
 * {@code berth.registry.plain} (127.0.0.1:5000, no auth), {@code berth.registry.auth} (127.0.0.1:5001, htpasswd),
 * {@code berth.registry.user} and {@code berth.registry.password}. A registry that does not answer fails the test.
 */
public final class TestRegistries {
    private TestRegistries() {
    }

    /** The registry without authentication; fails if it does not answer. */
    public static String plain() {
        return require(System.getProperty("berth.registry.plain", "127.0.0.1:5000"), 200);
    }

    /** The registry with htpasswd authentication; fails if it does not answer with 401 to anonymous requests. */
    public static String withAuth() {
        return require(System.getProperty("berth.registry.auth", "127.0.0.1:5001"), 401);
    }

    /** The user and password the authenticating registry accepts. */
    public static Credentials credentials() {
        return Credentials.of(user(), password());
    }

    public static String user() {
        return System.getProperty("berth.registry.user", "berth-test");
    }

    public static String password() {
        return System.getProperty("berth.registry.password", "berth-test-password");
    }

    /** A unique repository in the registry, e.g. {@code 127.0.0.1:5000/berth-test/push-1a2b3c4d}. */
    public static String repository(String registry, String prefix) {
        return registry + "/berth-test/" + Names.unique(prefix);
    }

    private static String require(String address, int expected) {
        if (!address.startsWith("127.")) {
            throw new AssertionError("Test registries must be on loopback, got " + address);
        }
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != expected) {
                throw new AssertionError("The registry at " + address + " answered /v2/ with " + r.statusCode()
                        + ", expected " + expected + "; run .ci/setup.d/registry.sh");
            }
            return address;
        } catch (java.io.IOException e) {
            throw new AssertionError("No registry answers at " + address + " (" + e + "); run .ci/setup.d/registry.sh",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
