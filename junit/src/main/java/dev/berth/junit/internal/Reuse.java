package dev.berth.junit.internal;

import dev.berth.BerthException;
import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.compose.Compose;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.model.Project;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.container.ContainerSummary;
import dev.berth.container.ContainerState;
import dev.berth.internal.EngineAccess;
import dev.berth.junit.FixtureException;
import dev.berth.network.Network;
import dev.berth.volume.Volume;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reusable fixtures ({@code @Managed(reuse = true)}): find a resource labelled with the spec's hash
 * ({@link Labels#REUSE}) and adopt it, or create it while holding the {@link EngineLock} of that hash, so concurrent
 * JVMs asking for the same resource get one. What is created carries the session {@code reuse-<hash>} instead of the
 * run's: no heartbeat is ever published for it, so neither the run's cleanup nor the reaper removes it. Containers
 * also get a name derived from the hash, a second guard: a create that loses the name to another creator adopts it.
 */
final class Reuse {
    /** How long a run waits for another to finish starting the same reusable fixture, beyond its own start time. */
    private static final Duration LOCK_SLACK = Duration.ofSeconds(60);

    private Reuse() {
    }

    static Started container(EngineSession session, ContainerFixture f) {
        Engine engine = session.engine();
        String hash = SpecHash.container(engine, f.spec(), f.field());
        Optional<Container> running = findContainer(engine, hash).filter(Container::isRunning);
        if (running.isPresent()) {
            f.awaitReady(running.get(), false);
            return f.started(running.get(), false);
        }
        Container c = locked(engine, hash, f.timeout(), () -> {
            Optional<Container> found = findContainer(engine, hash);
            if (found.isPresent()) {
                found.get().start(); // stopped since (engine restart): start it again; a no-op when running
                f.awaitReady(found.get(), false);
                return found.get();
            }
            ContainerSpec spec = f.spec().name().isPresent() ? f.spec()
                    : f.spec().toBuilder().name("berth-reuse-" + hash.substring(0, 16)).build();
            Container created;
            try {
                created = view(engine, hash).container(spec).detached().run();
            } catch (ConflictException nameTaken) {
                Container other = findContainer(engine, hash).orElseThrow(() -> new FixtureException(
                        "Cannot create reusable container fixture '" + f.field() + "': the name " + spec.name().get()
                                + " is taken by a container not made from this spec; remove it", nameTaken));
                other.start();
                f.awaitReady(other, false);
                return other;
            }
            Container handle = new Container(engine, created.id(), created.name());
            f.awaitReady(handle, true);
            return handle;
        });
        return f.started(c, false);
    }

    static Started network(EngineSession session, NetworkFixture f) {
        Engine engine = session.engine();
        String hash = SpecHash.network(f.spec());
        Network n = adoptOrCreate(engine, hash, () -> findNetwork(engine, hash), () -> {
            Network created = view(engine, hash).network(f.spec()).create();
            return new Network(engine, created.id(), created.name());
        }, "network", f.field());
        return Started.withoutLogs(f.field(), n, () -> { });
    }

    static Started volume(EngineSession session, VolumeFixture f) {
        Engine engine = session.engine();
        String hash = SpecHash.volume(f.spec());
        Volume v = adoptOrCreate(engine, hash, () -> findVolume(engine, hash),
                () -> new Volume(engine, view(engine, hash).volume(f.spec()).create().name()), "volume", f.field());
        return Started.withoutLogs(f.field(), v, () -> { });
    }

    /** The resource the hash finds, else one created under the hash's lock (after looking again while holding it). */
    private static <T> T adoptOrCreate(Engine engine, String hash, Supplier<Optional<T>> find, Supplier<T> create,
                                       String kind, String field) {
        return find.get().orElseGet(() -> locked(engine, hash, Duration.ofSeconds(30), () -> find.get().orElseGet(() -> {
            try {
                return create.get();
            } catch (BerthException e) {
                throw new FixtureException("Cannot create reusable " + kind + " fixture '" + field + "': "
                        + e.getMessage() + " (one of that name made from another spec is not reused; remove it)", e);
            }
        })));
    }

    /**
     * A Compose project named after its hash (unless the options name it), adopted when all its containers run with
     * this hash, else brought up under the lock ({@code up} converges, recreating only what differs).
     */
    static Started compose(EngineSession session, ComposeFixture f, Project loaded) {
        Engine engine = session.engine();
        String hash = SpecHash.compose(loaded);
        Project project = f.options().projectName() != null ? loaded
                : f.load(f.options().toBuilder().projectName(loaded.name() + "-" + hash.substring(0, 12)).build());
        ComposeProject app = Compose.project(view(engine, hash), project);
        if (!composeRunning(engine, project.name(), hash)) {
            locked(engine, hash, f.timeout(), () -> {
                if (!composeRunning(engine, project.name(), hash)) {
                    f.up(app);
                }
                return app;
            });
        }
        return f.started(app, false);
    }

    private static boolean composeRunning(Engine engine, String project, String hash) {
        List<ContainerSummary> all = engine.containers().all().label("com.docker.compose.project", project).list();
        return !all.isEmpty() && all.stream().allMatch(c -> c.state() == ContainerState.RUNNING
                && hash.equals(c.labels().get(Labels.REUSE)));
    }

    @SuppressWarnings("try") // the lock is held for the body, not used in it
    private static <T> T locked(Engine engine, String hash, Duration startTimeout, Supplier<T> action) {
        try (EngineLock lock = EngineLock.acquire(engine, "reuse-" + hash, startTimeout.plus(LOCK_SLACK))) {
            return action.get();
        }
    }

    private static Engine view(Engine engine, String hash) {
        return EngineAccess.view(engine, "reuse-" + hash, Map.of(Labels.REUSE, hash));
    }

    private static Optional<Container> findContainer(Engine engine, String hash) {
        return engine.containers().all().label(Labels.REUSE, hash).containers().stream().findFirst();
    }

    private static Optional<Network> findNetwork(Engine engine, String hash) {
        return engine.networks().label(Labels.REUSE, hash).networks().stream().findFirst();
    }

    private static Optional<Volume> findVolume(Engine engine, String hash) {
        return engine.volumes().label(Labels.REUSE, hash).volumes().stream().findFirst();
    }
}
