package dev.berth.internal;

import dev.berth.EngineConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An open connection to one engine: Berth's one HTTP client ({@link EngineHttp}) and the negotiated API version.
 * docker-java, an optional dependency, is created only for the {@code Engine.dockerClient()} escape hatch.
 */
public final class Connection {
    /** The newest Engine API version Berth speaks; the engine's own version is used when it is older. */
    public static final String MAX_API_VERSION = "1.47";
    /** The oldest Engine API version Berth is tested against (Docker Engine 20.10). */
    public static final String MIN_API_VERSION = "1.41";

    private final EngineConfig config;
    private final EngineHttp http;
    private final String apiVersion;
    private final String serverApiVersion;
    private final Object lock = new Object();
    private volatile Object dockerJava;

    private Connection(EngineConfig config, EngineHttp http, String apiVersion, String serverApiVersion) {
        this.config = config;
        this.http = http;
        this.apiVersion = apiVersion;
        this.serverApiVersion = serverApiVersion;
    }

    /** Pings the engine and negotiates the API version; fails fast when nothing answers. */
    public static Connection open(EngineConfig config) {
        checkTls(config);
        EngineHttp http = new EngineHttp(config);
        String serverVersion;
        try {
            EngineHttp.Reply r = http.call("GET", "/_ping", null);
            if (r.status() != 200) {
                throw new IOException("the engine answered /_ping with HTTP " + r.status() + ": " + r.text());
            }
            serverVersion = r.header("Api-Version");
        } catch (IOException | RuntimeException e) {
            http.close();
            throw Errors.unavailable(config.host(), config.source(), e);
        }
        return new Connection(config, http, config.apiVersion().orElseGet(() -> negotiate(serverVersion)), serverVersion);
    }

    /** Berth's own HTTP client on this connection. */
    public EngineHttp http() {
        return http;
    }

    /** The API version both sides speak. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The newest API version the engine speaks, as it said in its ping. */
    public String serverApiVersion() {
        return serverApiVersion;
    }

    /** The configuration this connection was opened with. */
    public EngineConfig config() {
        return config;
    }

    /**
     * The docker-java client of this connection (the {@code Engine.dockerClient()} escape hatch), made by
     * {@code factory} on first call and closed with the connection; docker-java is loaded only then.
     */
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> T dockerJava(java.util.function.Function<Connection, T> factory) {
        Object c = dockerJava;
        if (c == null) {
            synchronized (lock) {
                c = dockerJava;
                if (c == null) {
                    c = factory.apply(this);
                    dockerJava = c;
                }
            }
        }
        return (T) c;
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

    private static void checkTls(EngineConfig config) {
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
    }

    /** Closes docker-java (if it was created) and Berth's own connections. */
    public void close() {
        if (dockerJava instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        http.close();
    }
}
