package dev.berth.swarm;

import dev.berth.compose.model.Project;
import dev.berth.swarm.internal.StackDeployer;
import dev.berth.swarm.internal.SwarmApi;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stacks ({@code docker stack}): compose projects deployed as swarm services, their networks, secrets and configs.
 *
 * <pre>{@code
 * Project p = Compose.load(LoadOptions.of(Path.of("compose.yaml")));
 * StackDeployment d = swarm.stacks().deploy(p);   // creates or updates, like docker stack deploy
 * d.warnings().forEach(System.err::println);
 * d.stack().awaitConverged(Duration.ofMinutes(2));
 * }</pre>
 */
public final class Stacks {
    private final Swarm swarm;
    private final SwarmApi api;

    Stacks(Swarm swarm, SwarmApi api) {
        this.swarm = swarm;
        this.api = api;
    }

    /**
     * Deploys the project as stack {@code project.name()} ({@code docker stack deploy -c … NAME}), creating what is
     * missing and updating what exists; redeploying a changed project updates the stack. Returns once the engine has
     * accepted every change, without waiting for tasks; call {@link Stack#awaitConverged} for that.
     *
     * @throws UnsupportedOptionsException before any change if the project uses options a stack cannot honour
     */
    public StackDeployment deploy(Project project, StackDeployOption... options) {
        Objects.requireNonNull(project, "project");
        StackDeployer.Deployed d = new StackDeployer(api).deploy(project,
                Set.of(options).contains(StackDeployOption.PRUNE));
        return new StackDeployment(stack(d.stack()), d.created(), d.updated(), d.removed(), d.warnings());
    }

    /** The stacks on the swarm ({@code docker stack ls}), by name. */
    public List<StackSummary> list() {
        return new StackDeployer(api).list();
    }

    /** A handle on the stack with this name; does no I/O. */
    public Stack stack(String name) {
        return new Stack(swarm, api, Objects.requireNonNull(name, "name"));
    }
}
