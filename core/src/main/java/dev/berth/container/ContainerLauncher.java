package dev.berth.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.berth.Engine;
import dev.berth.ImageNotFoundException;
import dev.berth.container.internal.CreateMapping;
import dev.berth.image.internal.ImagePulls;
import dev.berth.internal.Errors;
import dev.berth.wait.Deadline;
import dev.berth.wait.WaitStrategy;

import java.util.List;

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
            ImagePulls.pull(engine, spec.image());
        }
        String id;
        try {
            id = createOnce(spec);
        } catch (ImageNotFoundException missing) {
            if (spec.pull() != PullPolicy.MISSING) {
                throw missing;
            }
            ImagePulls.pull(engine, spec.image());
            id = createOnce(spec);
        }
        Container c = new Container(engine, id, spec.name().orElse(null));
        try {
            for (NetworkAttachment n : spec.networks().subList(Math.min(1, spec.networks().size()), spec.networks().size())) {
                ContainerNetwork endpoint = new ContainerNetwork().withAliases(n.aliases());
                n.ipv4Address().ifPresent(ip -> endpoint.withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(ip)));
                engine.dockerClient().connectToNetworkCmd().withContainerId(id).withNetworkId(n.network())
                        .withContainerNetwork(endpoint).exec();
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

    private String createOnce(ContainerSpec spec) {
        try (CreateContainerCmd cmd = engine.dockerClient().createContainerCmd(spec.image())) {
            CreateMapping.apply(spec, engine.labels(), cmd);
            spec.customizer().ifPresent(c -> c.accept(cmd));
            return cmd.exec().getId();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "container", spec.name().orElse(spec.image()), "create");
        }
    }
}
