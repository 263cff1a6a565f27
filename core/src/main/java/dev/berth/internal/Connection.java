package dev.berth.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.EngineConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An open connection to one engine: the HTTP transport, the negotiated API version, and docker-java on top.
 *
 * @param http       the raw transport, for endpoints docker-java lacks
 * @param client     docker-java's client bound to the negotiated version
 * @param apiVersion the API version both sides speak
 * @param serverApiVersion the newest API version the engine speaks
 */
public record Connection(DockerHttpClient http, DockerClient client, String apiVersion, String serverApiVersion) {

    /** The newest Engine API version Berth speaks; the engine's own version is used when it is older. */
    public static final String MAX_API_VERSION = "1.47";
    /** The oldest Engine API version Berth is tested against (Docker Engine 20.10). */
    public static final String MIN_API_VERSION = "1.41";

    /** Opens the transport, pings the engine and negotiates the API version; fails fast when nothing answers. */
    public static Connection open(EngineConfig config) {
        DockerHttpClient http = transport(config);
        String serverVersion;
        try {
            serverVersion = ping(http);
        } catch (RuntimeException | IOException e) {
            closeQuietly(http);
            throw Errors.unavailable(config.host(), config.source(), e);
        }
        String version = config.apiVersion().orElseGet(() -> negotiate(serverVersion));
        DefaultDockerClientConfig.Builder cfg = new DefaultDockerClientConfig.Builder()
                .withDockerHost(config.host().toString())
                .withApiVersion(version)
                .withDockerConfig(Path.of(System.getProperty("user.home"), ".docker").toString());
        config.tls().ifPresent(t -> cfg.withCustomSslConfig(new LocalDirectorySSLConfig(t.certPath().toString())));
        DockerClient client = DockerClientImpl.getInstance(cfg.build(), http);
        return new Connection(http, client, version, serverVersion);
    }

    /** The lower of the engine's version and {@link #MAX_API_VERSION}, as the docker CLI negotiates. */
    public static String negotiate(String serverVersion) {
        if (serverVersion == null || serverVersion.isBlank()) {
            return MIN_API_VERSION;
        }
        return compare(serverVersion, MAX_API_VERSION) < 0 ? serverVersion : MAX_API_VERSION;
    }

    /** Compares two MAJOR.MINOR versions numerically. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static DockerHttpClient transport(EngineConfig config) {
        config.tls().ifPresent(t -> {
            if (!t.verifyServer()) {
                throw new IllegalArgumentException("TLS without server verification (DOCKER_TLS without DOCKER_TLS_VERIFY,"
                        + " or a context with SkipTLSVerify) is not supported by Berth; set DOCKER_TLS_VERIFY=1 and"
                        + " provide ca.pem in " + t.certPath());
            }
            for (String f : List.of("ca.pem", "cert.pem", "key.pem")) {
                if (!Files.isRegularFile(t.certPath().resolve(f))) {
                    throw new IllegalArgumentException("TLS is enabled but " + t.certPath().resolve(f)
                            + " is missing; put ca.pem, cert.pem and key.pem in " + t.certPath());
                }
            }
        });
        ApacheDockerHttpClient.Builder b = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.host())
                .connectionTimeout(config.connectTimeout())
                .maxConnections(100);
        config.tls().ifPresent(t -> b.sslConfig(new LocalDirectorySSLConfig(t.certPath().toString())));
        return b.build();
    }

    private static String ping(DockerHttpClient http) throws IOException {
        DockerHttpClient.Request req = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
        try (DockerHttpClient.Response r = http.execute(req)) {
            String body;
            try (InputStream in = r.getBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (r.getStatusCode() != 200) {
                throw new IOException("the engine answered /_ping with HTTP " + r.getStatusCode() + ": " + body);
            }
            return header(r.getHeaders(), "Api-Version");
        }
    }

    static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** Closes docker-java and the transport. */
    public void close() {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort
        }
        closeQuietly(http);
    }

    private static void closeQuietly(DockerHttpClient http) {
        try {
            http.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort
        }
    }
}
