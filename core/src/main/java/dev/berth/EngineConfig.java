package dev.berth;

import dev.berth.internal.DockerContexts;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach a Docker engine, resolved the way the docker CLI does.
 *
 * <p>Precedence, highest first: values set on the builder; {@code DOCKER_HOST} (with {@code DOCKER_TLS_VERIFY} and
 * {@code DOCKER_CERT_PATH}); {@code DOCKER_CONTEXT}; the {@code currentContext} of {@code config.json} in
 * {@code DOCKER_CONFIG} (default {@code ~/.docker}); finally {@code unix:///var/run/docker.sock}.
 */
public final class EngineConfig {

    /** The default engine address on Linux. */
    public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");

    private final URI host;
    private final Optional<Tls> tls;
    private final Optional<String> apiVersion;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String source;
    private final boolean cleanupOnClose;

    private EngineConfig(URI host, Optional<Tls> tls, Optional<String> apiVersion, Duration connectTimeout,
                         Duration readTimeout, String source, boolean cleanupOnClose) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must not be negative, was " + readTimeout);
        }
        Objects.requireNonNull(source, "source");
        host = normalizeHost(host, tls.isPresent());
        apiVersion.ifPresent(EngineConfig::checkApiVersion);
        this.host = host;
        this.tls = tls;
        this.apiVersion = apiVersion;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.source = source;
        this.cleanupOnClose = cleanupOnClose;
    }

    /** The engine address: {@code unix:///path} or {@code tcp://host:port}. */
    public URI host() {
        return host;
    }

    /** Client TLS material, or empty for plain connections. */
    public Optional<Tls> tls() {
        return tls;
    }

    /** A fixed API version such as {@code 1.41}, or empty to negotiate with the engine. */
    public Optional<String> apiVersion() {
        return apiVersion;
    }

    /** How long to wait for a connection (and a TLS handshake) before failing. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long a call may wait for data from the engine before failing; {@link Duration#ZERO} (the default, as the
     * docker CLI) waits without limit. Streams (events, followed logs, attach) and waits for a container's exit never
     * time out this way.
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Where the host came from, in words (for error messages). */
    public String source() {
        return source;
    }

    /** Whether {@link Engine#close()} removes every resource this engine's session created. */
    public boolean cleanupOnClose() {
        return cleanupOnClose;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof EngineConfig other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "EngineConfig[host=" + host + ", tls=" + tls + ", apiVersion=" + apiVersion
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", source=" + source
                + ", cleanupOnClose=" + cleanupOnClose + "]";
    }

    private List<Object> values() {
        return Arrays.asList(host, tls, apiVersion, connectTimeout, readTimeout, source, cleanupOnClose);
    }

    /**
     * Client TLS settings.
     *
     * @param certPath   a directory with {@code ca.pem}, {@code cert.pem} and {@code key.pem}
     * @param verifyServer whether the server certificate is checked against {@code ca.pem}
     */
    public record Tls(Path certPath, boolean verifyServer) {
        public Tls {
            Objects.requireNonNull(certPath, "certPath");
        }
    }

    /** Resolves the configuration from the process environment and {@code ~/.docker}. */
    public static EngineConfig fromEnv() {
        return builder().build();
    }

    /** A builder whose unset values are resolved from the environment when {@link Builder#build()} is called. */
    public static Builder builder() {
        return new Builder(System.getenv());
    }

    /** A builder that resolves unset values from the given environment instead of the process environment. */
    public static Builder builder(Map<String, String> environment) {
        return new Builder(Map.copyOf(environment));
    }

    /**
     * A builder holding this configuration's resolved values, all explicit: the environment no longer applies to
     * what it builds.
     */
    public Builder toBuilder() {
        Builder b = new Builder(Map.of());
        b.host = host;
        b.tls = tls.orElse(null);
        b.tlsSet = true;
        b.apiVersion = apiVersion.orElse(null);
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.cleanupOnClose = cleanupOnClose;
        b.source = source;
        return b;
    }

    static URI normalizeHost(URI host, boolean tls) {
        String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "unix":
                return host;
            case "npipe":
                throw new IllegalArgumentException("Engine host '" + host + "' is a Windows named pipe, which Berth"
                        + " cannot dial; expose the engine on tcp://127.0.0.1:2375 (or 2376 with TLS) and use that");
            case "tcp":
            case "http":
            case "https":
                if (host.getHost() == null) {
                    throw new IllegalArgumentException("Engine host '" + host + "' has no host name; use tcp://HOST:PORT");
                }
                int port = host.getPort() != -1 ? host.getPort() : (tls || scheme.equals("https") ? 2376 : 2375);
                return URI.create("tcp://" + host.getHost() + ":" + port);
            case "ssh":
                throw new IllegalArgumentException("Engine host '" + host + "' uses ssh://, which Berth does not support;"
                        + " forward the socket (ssh -L /tmp/docker.sock:/var/run/docker.sock HOST) and use unix:///tmp/docker.sock");
            default:
                throw new IllegalArgumentException("Engine host '" + host
                        + "' is not understood; use unix:///var/run/docker.sock or tcp://HOST:PORT");
        }
    }

    private static void checkApiVersion(String v) {
        if (!v.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("API version '" + v + "' is not of the form MAJOR.MINOR, e.g. 1.41");
        }
    }

    /** Collects explicit settings; anything left unset comes from the environment, as the docker CLI resolves it. */
    public static final class Builder {
        private final Map<String, String> env;
        private URI host;
        private Tls tls;
        private boolean tlsSet;
        private String context;
        private String apiVersion;
        private Path dockerConfigDir;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ZERO;
        private boolean cleanupOnClose;
        private String source = "set explicitly";

        private Builder(Map<String, String> env) {
            this.env = env;
        }

        /** Connects to this address ({@code unix://…} or {@code tcp://…}), ignoring DOCKER_HOST and contexts. */
        public Builder host(String host) {
            return host(URI.create(Objects.requireNonNull(host, "host")));
        }

        /** Connects to this address, ignoring DOCKER_HOST and contexts. */
        public Builder host(URI host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Uses TLS with the {@code ca.pem}, {@code cert.pem} and {@code key.pem} in this directory, verifying the server. */
        public Builder tls(Path certPath) {
            this.tls = new Tls(certPath, true);
            this.tlsSet = true;
            return this;
        }

        /** Uses a plain connection even if the environment asks for TLS. */
        public Builder noTls() {
            this.tls = null;
            this.tlsSet = true;
            return this;
        }

        /** Uses the named docker context (as {@code docker --context NAME}). */
        public Builder context(String context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Pins the API version instead of negotiating it with the engine. */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /** Reads {@code config.json} and contexts from this directory instead of DOCKER_CONFIG or {@code ~/.docker}. */
        public Builder dockerConfigDir(Path dir) {
            this.dockerConfigDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** How long to wait for a connection to the engine before failing. */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, was " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * How long a call may wait for data from the engine before failing with a timeout; {@link Duration#ZERO}
         * (the default) waits without limit. Streams and waits for a container's exit are not limited.
         */
        public Builder readTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("readTimeout must not be negative, was " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        /** Whether closing the engine removes every container, network and volume its session created. */
        public Builder cleanupOnClose(boolean cleanup) {
            this.cleanupOnClose = cleanup;
            return this;
        }

        /** Resolves the configuration; does no I/O beyond reading the docker config directory. */
        public EngineConfig build() {
            Optional<String> api = Optional.ofNullable(apiVersion).or(() -> envValue("DOCKER_API_VERSION"));
            if (host != null) {
                return new EngineConfig(host, tlsSet ? Optional.ofNullable(tls) : envTls(), api,
                        connectTimeout, readTimeout, source, cleanupOnClose);
            }
            Path configDir = dockerConfigDir != null ? dockerConfigDir
                    : envValue("DOCKER_CONFIG").map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("user.home"), ".docker"));
            String contextName = context;
            if (contextName == null && envValue("DOCKER_HOST").isPresent()) {
                URI envHost = URI.create(env.get("DOCKER_HOST"));
                return new EngineConfig(envHost, tlsSet ? Optional.ofNullable(tls) : envTls(), api,
                        connectTimeout, readTimeout, "DOCKER_HOST", cleanupOnClose);
            }
            String from = contextName != null ? "context '" + contextName + "' (set explicitly)" : null;
            if (contextName == null) {
                contextName = envValue("DOCKER_CONTEXT").orElse(null);
                from = contextName == null ? null : "context '" + contextName + "' (DOCKER_CONTEXT)";
            }
            if (contextName == null) {
                contextName = DockerContexts.currentContext(configDir).orElse(null);
                from = contextName == null ? null
                        : "context '" + contextName + "' (currentContext in " + configDir.resolve("config.json") + ")";
            }
            if (contextName == null || contextName.equals("default")) {
                return new EngineConfig(DEFAULT_HOST, tlsSet ? Optional.ofNullable(tls) : Optional.empty(), api,
                        connectTimeout, readTimeout, "the default socket", cleanupOnClose);
            }
            DockerContexts.Endpoint endpoint = DockerContexts.endpoint(configDir, contextName);
            Optional<Tls> ctxTls = endpoint.tlsDir().map(dir -> new Tls(dir, !endpoint.skipTlsVerify()));
            return new EngineConfig(endpoint.host(), tlsSet ? Optional.ofNullable(tls) : ctxTls, api,
                    connectTimeout, readTimeout, from, cleanupOnClose);
        }

        private Optional<Tls> envTls() {
            if (envValue("DOCKER_TLS_VERIFY").isEmpty() && envValue("DOCKER_TLS").isEmpty()) {
                return Optional.empty();
            }
            Path certPath = envValue("DOCKER_CERT_PATH").map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("user.home"), ".docker"));
            if (!Files.isDirectory(certPath)) {
                throw new IllegalArgumentException("DOCKER_CERT_PATH '" + certPath
                        + "' is not a directory; point it at the directory holding ca.pem, cert.pem and key.pem");
            }
            // As the docker CLI: any non-empty DOCKER_TLS_VERIFY verifies the server; DOCKER_TLS alone does not.
            return Optional.of(new Tls(certPath, envValue("DOCKER_TLS_VERIFY").isPresent()));
        }

        private Optional<String> envValue(String key) {
            String value = env.get(key);
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }
}
