package dev.berth.system;

import dev.berth.Engine;
import dev.berth.EngineVersion;
import dev.berth.PruneReport;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.Errors;
import dev.berth.internal.Filters;
import dev.berth.internal.Prunes;
import dev.berth.internal.RawApi;
import dev.berth.system.internal.SystemMapping;

import java.util.Objects;

/**
 * The engine-wide commands of {@code docker system}: info, version, disk usage and prune. Every method blocks until
 * the engine has answered. Events are on {@link Engine#events()}.
 *
 * <pre>{@code
 * SystemInfo info = engine.system().info();
 * DiskUsage df = engine.system().df();
 * PruneReport r = engine.system().prune(PruneSpec.system().volumes().build());
 * }</pre>
 */
public final class EngineSystem {
    private final Engine engine;

    private EngineSystem(Engine engine) {
        this.engine = engine;
    }

    /** The system commands of the engine; the usual spelling is {@code engine.system()}. */
    public static EngineSystem of(Engine engine) {
        return new EngineSystem(Objects.requireNonNull(engine, "engine"));
    }

    /** What {@code docker info} reports: container and image counts, swarm state, versions, host. */
    public SystemInfo info() {
        try {
            return SystemMapping.info(RawApi.call(conn(), "GET", "/info", null).json());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "engine", engine.config().host().toString(), "query the info of");
        }
    }

    /** What {@code docker version} reports about the engine, and the API version Berth uses with it. */
    public EngineVersion version() {
        return engine.version();
    }

    /** Space used by images, containers, volumes and build cache ({@code docker system df -v}). */
    public DiskUsage df() {
        try {
            return SystemMapping.diskUsage(RawApi.call(conn(), "GET", "/system/df", null).json());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "engine", engine.config().host().toString(), "query the disk usage of");
        }
    }

    /**
     * Removes what the spec selects, in {@code docker system prune}'s order: containers, networks, volumes, images,
     * build cache. Each kind is removed only if unused, and only if it matches the spec's filters.
     */
    public PruneReport prune(PruneSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Filters filters = new Filters();
        spec.labels().forEach(l -> filters.add("label", l));
        spec.labelsNot().forEach(l -> filters.add("label!", l));
        spec.until().ifPresent(u -> filters.set("until", Filters.duration(u)));
        PruneReport report = PruneReport.EMPTY;
        if (spec.containers()) {
            report = report.plus(Prunes.containers(conn(), filters));
        }
        if (spec.networks()) {
            report = report.plus(Prunes.networks(conn(), filters));
        }
        if (spec.volumes()) {
            report = report.plus(Prunes.volumes(conn(), filters));
        }
        if (spec.images() != PruneSpec.Images.NONE) {
            report = report.plus(Prunes.images(conn(), filters, spec.images() == PruneSpec.Images.ALL));
        }
        if (spec.buildCache()) {
            report = report.plus(Prunes.buildCache(conn(), spec.until().orElse(null),
                    spec.images() == PruneSpec.Images.ALL));
        }
        return report;
    }

    private Connection conn() {
        return EngineAccess.connection(engine);
    }
}
