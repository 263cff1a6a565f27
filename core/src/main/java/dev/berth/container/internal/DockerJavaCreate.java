package dev.berth.container.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.core.DockerClientConfig;
import dev.berth.internal.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The escape-hatch path: loads Berth's create body into docker-java's {@link CreateContainerCmd}, lets the caller's
 * customizer edit it, and runs it through docker-java. Only used (and docker-java only loaded) when a spec has a
 * customizer (the body is bound with docker-java's own mapper); docker-java's errors become
 * {@link dev.berth.internal.EngineHttpException}s like Berth's own calls.
 */
public final class DockerJavaCreate {
    private DockerJavaCreate() {
    }

    /** A create command holding exactly the fields of {@code body}. */
    public static CreateContainerCmd command(CreateContainerCmd cmd, Map<String, Object> body, String name) {
        try {
            DockerClientConfig.getDefaultObjectMapper().readerForUpdating(cmd).readValue(Json.write(body));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the create body into docker-java's command", e);
        }
        if (name != null) {
            cmd.withName(name);
        }
        return cmd;
    }

    /** Creates the container through docker-java after the customizer has run; returns its id. */
    public static String create(DockerClient client, Map<String, Object> body, String name,
                                Consumer<CreateContainerCmd> customizer) {
        try (CreateContainerCmd cmd = command(client.createContainerCmd((String) body.get("Image")), body, name)) {
            customizer.accept(cmd);
            return cmd.exec().getId();
        } catch (com.github.dockerjava.api.exception.DockerException e) {
            String text = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^Status \\d+: ", "");
            throw new dev.berth.internal.EngineHttpException(e.getHttpStatus(), text);
        }
    }
}
