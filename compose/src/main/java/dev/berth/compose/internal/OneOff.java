package dev.berth.compose.internal;

import dev.berth.Engine;
import dev.berth.compose.ComposeException;
import dev.berth.compose.ServiceContainer;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.container.ContainerSpec;
import dev.berth.container.RestartPolicy;
import dev.berth.internal.RawApi;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code docker compose run}: a one-off container of a service, after its dependencies are up. */
public final class OneOff {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneOff() {
    }

    /** The result: the container, and its exit code when attached (null when detached). */
    public record Result(ServiceContainer container, Integer exitCode) {
    }

    public static Result run(Engine engine, Project project, RunOptions o) {
        Service svc = project.services().get(o.service());
        if (svc == null) {
            throw new ComposeException(o.service(), "no such service: " + o.service(), null);
        }
        List<String> deps = new ArrayList<>(Graph.dependencies(project, svc));
        if (!o.noDeps() && !deps.isEmpty()) {
            Commands.up(engine, project, new UpOptions(deps, Map.of(), false, UpOptions.Recreate.DIVERGED, false,
                    false, null, null, null, false, false, o.progress(), null));
        }
        try (Session s = new Session(engine, project, o.progress())) {
            if (!o.noDeps() && svc.dependsOn().values().stream().anyMatch(d -> !d.condition().equals("service_started"))) {
                waitDependencies(s, svc);
            }
            String imageId = new Images(s.api, project, s.progress).ensure(svc, null, false, false);
            Map<String, String> refs = new TreeMap<>();
            for (String d : Graph.namespaceDependencies(project, svc)) {
                Commands.of(s.api, project, List.of(d)).stream().findFirst().ifPresent(c -> refs.put(d, c.id()));
            }
            Map<String, Object> def = new LinkedHashMap<>(svc.raw());
            if (o.command() != null) {
                def.put("command", o.command());
            }
            if (o.entrypoint() != null) {
                def.put("entrypoint", o.entrypoint());
                if (o.command() == null) {
                    def.put("command", List.of());
                }
            }
            if (!o.servicePorts()) {
                def.remove("ports");
            }
            def.remove("restart");
            byte[] seed = new byte[32];
            RANDOM.nextBytes(seed);
            String slug = HexFormat.of().formatHex(seed);
            String name = o.name() != null ? o.name() : project.name() + "-" + svc.name() + "-run-" + slug.substring(0, 12);
            String hash = ServiceHash.ofRaw(svc.name(), def, refs::get);
            Map<String, String> labels = Containers.labels(s, svc, 1, hash, imageId, slug);
            String id = Containers.create(s, svc, name, name, labels, refs, false, o.servicePorts(),
                    b -> edit(b, o));
            s.event("Container", name, "Created");
            ServiceContainer c = new ServiceContainer(id, name, svc.name(), 1, "created", "", "", List.of(), true, engine);
            if (o.detached()) {
                start(s, svc, id, name);
                return new Result(c, null);
            }
            start(s, svc, id, name);
            if (o.output() != null) {
                // Following from the first line after the start: the json-file log keeps everything, and following
                // a container that has already exited returns its output and ends.
                LogMux.follow(List.of(c), null, false, o.output());
            }
            int code = RawApi.call(s.api.conn(), "POST", "/containers/" + id + "/wait", null).json()
                    .path("StatusCode").asInt(-1);
            if (o.remove()) {
                Containers.remove(s, id, true);
            }
            return new Result(c, code);
        }
    }

    private static void start(Session s, Service svc, String id, String name) {
        try {
            s.api.tolerate("POST", "/containers/" + id + "/start", null, 304);
        } catch (RuntimeException e) {
            Containers.remove(s, id, true);
            RuntimeException t = dev.berth.internal.Errors.translate(e, "container", name, "start");
            throw new ComposeException(svc.name(), "Cannot start one-off container of service '" + svc.name() + "': "
                    + t.getMessage(), t);
        }
    }

    private static void waitDependencies(Session s, Service svc) {
        try (Watch watch = new Watch(s.api, s.project.name())) {
            Waits waits = new Waits(s, watch);
            svc.dependsOn().forEach((dep, d) -> {
                for (Observed c : Commands.of(s.api, s.project, List.of(dep))) {
                    UpRun.Ref r = new UpRun.Ref(c.id(), c.name(), false);
                    try {
                        if (d.condition().equals("service_healthy")) {
                            waits.healthy(dep, r, null);
                        } else if (d.condition().equals("service_completed_successfully")) {
                            waits.completed(dep, r, null);
                        }
                    } catch (ComposeException e) {
                        if (d.required()) {
                            throw e;
                        }
                        s.warn("optional dependency \"" + dep + "\" failed: " + e.getMessage());
                    }
                }
            });
        }
    }

    /** {@code run}'s overrides of the service: command, entrypoint, user, workdir, environment; never restarted. */
    private static ContainerSpec.Builder edit(ContainerSpec.Builder b, RunOptions o) {
        if (o.command() != null) {
            b.command(o.command());
        }
        if (o.entrypoint() != null) {
            b.entrypoint(o.entrypoint());
            if (o.command() == null) {
                b.command(List.of());
            }
        }
        if (o.user() != null) {
            b.user(o.user());
        }
        if (o.workdir() != null) {
            b.workdir(o.workdir());
        }
        o.env().forEach(b::env);
        return b.restart(RestartPolicy.no());
    }
}
