package dev.berth.internal;

import dev.berth.EngineConfig;
import dev.berth.Labels;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An open connection to one engine, all that Berth's internal code knows of an engine: Berth's one HTTP client
 * ({@link EngineHttp}), the negotiated API version, and the session whose labels go on everything created through it.
 * Public handles reach it through {@link EngineAccess}. docker-java, an optional dependency, is created only for the
 * {@code Engine.dockerClient()} escape hatch.
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
    private final String sessionId;
    private final Map<String, String> labels;
    /** The connection whose HTTP client this view shares, or null when this one owns it. */
    private final Connection parent;
    private final Object lock = new Object();
    private volatile Object dockerJava;

    private Connection(EngineConfig config, EngineHttp http, String apiVersion, String serverApiVersion) {
        this.config = config;
        this.http = http;
        this.apiVersion = apiVersion;
        this.serverApiVersion = serverApiVersion;
        this.sessionId = UUID.randomUUID().toString();
        this.labels = Map.of(Labels.MANAGED, "true", Labels.SESSION, sessionId);
        this.parent = null;
    }

    private Connection(Connection parent, String sessionId, Map<String, String> extraLabels) {
        this.config = parent.config;
        this.http = parent.http;
        this.apiVersion = parent.apiVersion;
        this.serverApiVersion = parent.serverApiVersion;
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        Map<String, String> l = new LinkedHashMap<>(extraLabels);
        l.put(Labels.MANAGED, "true");
        l.put(Labels.SESSION, sessionId);
        this.labels = Collections.unmodifiableMap(l);
        this.parent = parent.parent == null ? parent : parent.parent;
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

    /** The id of this engine session, the value of the {@link Labels#SESSION} label. */
    public String sessionId() {
        return sessionId;
    }

    /** The labels put on every resource created through this connection: managed, and this session. */
    public Map<String, String> labels() {
        return labels;
    }

    /**
     * A view of this connection for another session: the same HTTP client and API version, but what is created through
     * it carries {@code sessionId} and the extra Berth labels instead of this session's. Closing a view does nothing.
     * For resources meant to outlive the session, such as reusable test fixtures: a session id that never publishes
     * a heartbeat is never reaped.
     */
    public Connection view(String sessionId, Map<String, String> extraLabels) {
        return new Connection(this, sessionId, extraLabels);
    }

    /** Whether this is a {@link #view} sharing another connection's HTTP client. */
    public boolean isView() {
        return parent != null;
    }

    /** Whether the engine speaks at least this API version on this connection. */
    public boolean apiAtLeast(String version) {
        return compare(apiVersion, version) >= 0;
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
        if (parent != null) {
            return parent.dockerJava(factory);
        }
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

    /** Closes docker-java (if it was created) and Berth's own connections; a view leaves them to its parent. */
    public void close() {
        if (parent != null) {
            return;
        }
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
