package dev.berth.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.berth.BerthException;
import dev.berth.EngineConfig;

import java.nio.file.Path;

/**
 * The one place core makes a docker-java client: the {@code Engine.dockerClient()} escape hatch. docker-java is an
 * optional dependency, loaded only when this class is; Berth's own calls never go through it.
 */
public final class DockerJavaClient {
    /** What to add when docker-java is missing. */
    public static final String MISSING = "docker-java is not on the class path; the escape hatches"
            + " Engine.dockerClient() and ContainerSpec.Builder.customize(…) need com.github.docker-java:docker-java-core"
            + " and com.github.docker-java:docker-java-transport-httpclient5 (3.7.1) as dependencies";

    private DockerJavaClient() {
    }

    /** docker-java's client on this connection and API version, created on first call and closed with it. */
    public static DockerClient of(Connection connection) {
        try {
            return connection.dockerJava(DockerJavaClient::create);
        } catch (NoClassDefFoundError e) {
            throw new BerthException(MISSING, e);
        }
    }

    private static DockerClient create(Connection connection) {
        EngineConfig config = connection.config();
        ApacheDockerHttpClient.Builder transport = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.host())
                .connectionTimeout(config.connectTimeout())
                .maxConnections(100);
        DefaultDockerClientConfig.Builder cfg = new DefaultDockerClientConfig.Builder()
                .withDockerHost(config.host().toString())
                .withApiVersion(connection.apiVersion())
                .withDockerConfig(Path.of(System.getProperty("user.home"), ".docker").toString());
        config.tls().ifPresent(t -> {
            LocalDirectorySSLConfig ssl = new LocalDirectorySSLConfig(t.certPath().toString());
            transport.sslConfig(ssl);
            cfg.withCustomSslConfig(ssl);
        });
        return DockerClientImpl.getInstance(cfg.build(), transport.build());
    }
}
