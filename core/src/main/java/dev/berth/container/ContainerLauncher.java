package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.ImageNotFoundException;
import dev.berth.container.internal.CreateMapping;
import dev.berth.container.internal.DockerJavaCreate;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.RawApi;
import dev.berth.image.internal.ImagePulls;
import dev.berth.internal.Errors;
import dev.berth.wait.Deadline;
import dev.berth.wait.WaitStrategy;

import java.util.List;
import java.util.Map;

/** Creates and starts containers from specs on one engine; leaves nothing behind when a step fails. */
final class ContainerLauncher {
    private final Engine engine;

    ContainerLauncher(Engine engine) {
        this.engine = engine;
    }

    Engine engine() {
        return engine;
    }

    /** Creates the container, pulling the image per the spec's policy, and joins its extra networks. */
    Container create(ContainerSpec spec) {
        if (spec.pull() == PullPolicy.ALWAYS) {
            ImagePulls.pull(conn(), spec.image());
        }
        CreateMapping.Create create = CreateMapping.of(spec, conn().labels(), conn().apiAtLeast("1.44"));
        String id;
        try {
            id = createOnce(spec, create.body());
        } catch (ImageNotFoundException missing) {
            if (spec.pull() != PullPolicy.MISSING) {
                throw missing;
            }
            ImagePulls.pull(conn(), spec.image());
            id = createOnce(spec, create.body());
        }
        Container c = new Container(engine, id, spec.name().orElse(null));
        try {
            for (NetworkAttachment n : create.connectAfter()) {
                RawApi.callJson(conn(), "POST", "/networks/" + RawApi.q(n.network()) + "/connect",
                        CreateMapping.connectBody(id, n));
            }
        } catch (RuntimeException e) {
            c.close();
            throw Errors.translate(e, "container", c.name(), "connect networks of");
        }
        return c;
    }

    /** Creates and starts the container, then waits; on any failure the container is removed before the error is thrown. */
    Container start(ContainerSpec spec, List<WaitStrategy> waits, Deadline deadline) {
        Container c = create(spec);
        try {
            c.start();
            for (WaitStrategy w : waits) {
                w.waitUntilReady(c, deadline);
            }
            return c;
        } catch (RuntimeException e) {
            try {
                c.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private String createOnce(ContainerSpec spec, Map<String, Object> body) {
        try {
            if (spec.customizer().isPresent()) {
                return DockerJavaCreate.create(engine.dockerClient(), body, spec.name().orElse(null),
                        spec.customizer().get());
            }
            String path = "/containers/create" + spec.name().map(n -> "?name=" + RawApi.q(n)).orElse("");
            String id = RawApi.callJson(conn(), "POST", path, body).json().path("Id").asText("");
            if (id.isEmpty()) {
                throw new BerthException("The engine created a container but sent no id");
            }
            return id;
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", spec.name().orElse(spec.image()), "create");
        }
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }
}
