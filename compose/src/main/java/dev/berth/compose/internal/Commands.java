package dev.berth.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.Engine;
import dev.berth.compose.ComposeEvent;
import dev.berth.compose.ComposeException;
import dev.berth.compose.RemoveImages;
import dev.berth.compose.ServiceContainer;
import dev.berth.compose.ServiceImage;
import dev.berth.compose.UpResult;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.Volume;
import dev.berth.container.PublishedPort;
import dev.berth.container.Protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The Compose commands behind {@code ComposeProject}; each opens a {@link Session} and closes it when done. */
public final class Commands {
    private Commands() {
    }

    /** {@code up}; blocks until every container is started (and ready with {@code wait}). */
    public static UpResult up(Engine engine, Project project, UpOptions o) {
        try (Session s = new Session(engine, project, o.progress())) {
            return new UpRun(s, o).run();
        }
    }

    /** {@code down}; blocks until everything is removed. */
    public static void down(Engine engine, Project project, DownOptions o) {
        try (Session s = new Session(engine, project, o.progress())) {
            List<Observed> cs = Observed.list(s.api, project.name(), o.removeOrphans() ? null : false);
            Set<String> known = new LinkedHashSet<>(project.services().keySet());
            known.addAll(project.disabledServices().keySet());
            List<Observed> targets = o.removeOrphans() ? cs : cs.stream().filter(c -> known.contains(c.service())).toList();
            if (!o.removeOrphans()) {
                List<String> orphans = cs.stream().filter(c -> !known.contains(c.service())).map(Observed::name).toList();
                if (!orphans.isEmpty()) {
                    s.warn("Found orphan containers (" + orphans + ") for this project. If you removed or renamed this"
                            + " service in your compose file, you can run this command with the --remove-orphans flag"
                            + " to clean it up.");
                }
            }
            new Teardown(s, o.timeout()).run(targets, true, o.volumes());
            Resources res = new Resources(s.api, project, s::warn);
            List<Runnable> tasks = new ArrayList<>();
            for (Network n : project.networks().values()) {
                if (!n.external()) {
                    tasks.add(() -> {
                        if (res.removeNetwork(n.key(), n.name())) {
                            s.event("Network", n.name(), "Removed");
                        }
                    });
                }
            }
            if (o.volumes()) {
                for (Volume v : project.volumes().values()) {
                    if (!v.external()) {
                        tasks.add(() -> {
                            res.removeVolume(v.name());
                            s.event("Volume", v.name(), "Removed");
                        });
                    }
                }
            }
            if (o.images() != null) {
                for (String image : imagesToRemove(project, o.images())) {
                    tasks.add(() -> {
                        int st = s.api.tolerate("DELETE", "/images/" + UpRun.q(image), null, 404, 409);
                        s.event("Image", image, st == 409 ? "Warning" : "Removed");
                    });
                }
            }
            s.all(tasks);
        }
    }

    private static Set<String> imagesToRemove(Project p, RemoveImages mode) {
        Set<String> out = new LinkedHashSet<>();
        for (Service svc : p.services().values()) {
            boolean local = svc.image() == null || svc.image().isEmpty();
            if (mode == RemoveImages.ALL || local) {
                out.add(ContainerSpecs.imageName(p, svc));
            }
        }
        return out;
    }

    /** {@code ps}: the project's containers (one-off ones with {@code all}), optionally of some services. */
    public static List<ServiceContainer> ps(Engine engine, Project project, Collection<String> services, boolean oneoff,
                                            boolean stopped) {
        Api api = new Api(engine);
        List<ServiceContainer> out = new ArrayList<>();
        for (Observed c : Observed.list(api, project.name(), oneoff ? null : false)) {
            if ((services.isEmpty() || services.contains(c.service())) && (stopped || c.running()
                    || c.state().equals("paused") || c.state().equals("restarting"))) {
                out.add(view(engine, c));
            }
        }
        return out;
    }

    static ServiceContainer view(Engine engine, Observed c) {
        String status = c.status();
        String health = status.contains("(healthy)") ? "healthy" : status.contains("(unhealthy)") ? "unhealthy"
                : status.contains("(health: starting)") ? "starting" : "";
        List<PublishedPort> ports = new ArrayList<>();
        for (JsonNode p : c.ports()) {
            if (p.path("PublicPort").isNumber() && p.path("PrivatePort").isNumber()) {
                ports.add(new PublishedPort(p.path("PrivatePort").asInt(), protocol(p.path("Type").asText()),
                        p.path("IP").asText(""), p.path("PublicPort").asInt()));
            }
        }
        return new ServiceContainer(c.id(), c.name(), c.service(), c.number(), c.state(), health, status, ports,
                c.oneoff(), engine);
    }

    private static Protocol protocol(String type) {
        for (Protocol p : Protocol.values()) {
            if (p.name().equalsIgnoreCase(type)) {
                return p;
            }
        }
        return Protocol.TCP;
    }

    /** The running or stopped service containers of the services (all when empty), one-offs excluded. */
    static List<Observed> of(Api api, Project project, Collection<String> services) {
        for (String name : services) {
            if (!project.services().containsKey(name) && !project.disabledServices().containsKey(name)) {
                throw new ComposeException(name, "no such service: " + name + "; the project has "
                        + project.services().keySet(), null);
            }
        }
        return Observed.list(api, project.name(), false).stream()
                .filter(c -> services.isEmpty() || services.contains(c.service())).toList();
    }

    /** {@code stop}: reverse dependency order, each service once its dependents have stopped. */
    public static void stop(Engine engine, Project project, Collection<String> services, Duration timeout,
                            Consumer<ComposeEvent> progress) {
        try (Session s = new Session(engine, project, progress)) {
            new Teardown(s, timeout).run(of(s.api, project, services), false, false);
        }
    }

    /** {@code rm}: removes stopped service containers ({@code force} stops running ones first). */
    public static List<String> rm(Engine engine, Project project, Collection<String> services, boolean force,
                                  boolean volumes, Consumer<ComposeEvent> progress) {
        try (Session s = new Session(engine, project, progress)) {
            List<Observed> targets = of(s.api, project, services).stream()
                    .filter(c -> force || !c.running()).toList();
            s.all(targets.stream().<Runnable>map(c -> () -> {
                Containers.remove(s, c.id(), volumes);
                s.event("Container", c.name(), "Removed");
            }).toList());
            return targets.stream().map(Observed::name).toList();
        }
    }

    /** {@code pause}, {@code unpause} or {@code kill}: the same call on every container of the services. */
    public static void each(Engine engine, Project project, Collection<String> services, String action,
                            Consumer<ComposeEvent> progress) {
        try (Session s = new Session(engine, project, progress)) {
            List<Observed> targets = of(s.api, project, services);
            s.all(targets.stream().<Runnable>map(c -> () -> {
                if (action.startsWith("kill") && !c.running()) {
                    return;
                }
                String path = "/containers/" + c.id() + "/" + action;
                s.api.call("POST", path, null, action.replaceAll("\\?.*", ""), "container", c.name());
                s.event("Container", c.name(), switch (action.replaceAll("\\?.*", "")) {
                    case "pause" -> "Paused";
                    case "unpause" -> "Unpaused";
                    default -> "Killed";
                });
            }).toList());
        }
    }

    /** {@code start}: starts existing containers in dependency order, honouring depends_on conditions. */
    public static void start(Engine engine, Project project, Collection<String> services, Duration wait,
                             Consumer<ComposeEvent> progress) {
        List<String> names = new ArrayList<>(services);
        UpOptions o = new UpOptions(names, Map.of(), false, UpOptions.Recreate.NEVER, false, true, "never", wait, null,
                false, false, progress, null);
        try (Session s = new Session(engine, project, progress)) {
            List<Observed> existing = Observed.list(s.api, project.name(), false);
            Set<String> selected = Graph.closure(project, names).keySet();
            for (String n : selected) {
                if (existing.stream().noneMatch(c -> c.service().equals(n)) && project.services().get(n).replicas() > 0) {
                    throw new ComposeException(n, "service \"" + n + "\" has no container to start; run up first", null);
                }
            }
            new UpRun(s, o).startExisting(existing);
        }
    }

    /** {@code restart}: restarts the services' containers, and those of dependents declared with restart: true. */
    public static void restart(Engine engine, Project project, Collection<String> services, Duration timeout,
                               Consumer<ComposeEvent> progress) {
        try (Session s = new Session(engine, project, progress)) {
            Set<String> names = new LinkedHashSet<>(services.isEmpty() ? project.services().keySet() : services);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Service svc : project.services().values()) {
                    for (var d : svc.dependsOn().entrySet()) {
                        if (d.getValue().restart() && names.contains(d.getKey()) && names.add(svc.name())) {
                            grew = true;
                        }
                    }
                }
            }
            List<Observed> all = of(s.api, project, List.of());
            for (String name : Graph.order(project, project.services())) {
                if (!names.contains(name)) {
                    continue;
                }
                s.all(all.stream().filter(c -> c.service().equals(name)).<Runnable>map(c -> () -> {
                    s.event("Container", c.name(), "Restarting");
                    s.api.call("POST", "/containers/" + c.id() + "/restart"
                            + (timeout == null ? "" : "?t=" + timeout.toSeconds()), null, "restart", "container", c.name());
                    s.event("Container", c.name(), "Started");
                }).toList());
            }
        }
    }

    /** {@code pull}: pulls the image of every selected service that names one. */
    public static void pull(Engine engine, Project project, Collection<String> services, boolean ignoreBuildable,
                            Consumer<ComposeEvent> progress) {
        try (Session s = new Session(engine, project, progress)) {
            Images images = new Images(s.api, project, s.progress);
            List<Runnable> tasks = new ArrayList<>();
            for (Service svc : Graph.closure(project, services).values()) {
                if (svc.image() == null || svc.image().isEmpty() || (ignoreBuildable && svc.build() != null)) {
                    continue;
                }
                tasks.add(() -> images.pull(svc, svc.image()));
            }
            s.all(tasks);
        }
    }

    /** {@code build}: builds every selected service that has a build section; returns image ids by service. */
    public static Map<String, String> build(Engine engine, Project project, Collection<String> services,
                                            Consumer<ComposeEvent> progress) {
        try (Session s = new Session(engine, project, progress)) {
            Images images = new Images(s.api, project, s.progress);
            Map<String, String> out = new java.util.concurrent.ConcurrentHashMap<>();
            List<Runnable> tasks = new ArrayList<>();
            for (Service svc : Graph.closure(project, services).values()) {
                if (svc.build() != null) {
                    tasks.add(() -> out.put(svc.name(), images.build(svc)));
                }
            }
            s.all(tasks);
            return new java.util.TreeMap<>(out);
        }
    }

    /** {@code images}: the image of each project container. */
    public static List<ServiceImage> images(Engine engine, Project project, Collection<String> services) {
        Api api = new Api(engine);
        List<ServiceImage> out = new ArrayList<>();
        for (Observed c : of(api, project, services)) {
            JsonNode img = api.objectOrNull("/images/" + UpRun.q(c.image()) + "/json", "image", c.image());
            String id = img == null ? "" : img.path("Id").asText();
            long size = img == null ? 0 : img.path("Size").asLong();
            out.add(new ServiceImage(c.name(), c.service(), c.image(), id, size));
        }
        return out;
    }

    /** Blocks until none of the services' containers is running ({@code POST /containers/ID/wait}). */
    public static void awaitExit(Engine engine, Project project, Collection<String> services) {
        try (Session s = new Session(engine, project, null)) {
            s.all(of(s.api, project, services).stream().<Runnable>map(c -> () ->
                    s.api.tolerate("POST", "/containers/" + c.id() + "/wait?condition=not-running", null, 404)).toList());
        }
    }

    /** The containers of one service, by replica number. */
    public static List<ServiceContainer> containers(Engine engine, Project project, String service) {
        Api api = new Api(engine);
        return of(api, project, List.of(service)).stream().map(c -> view(engine, c)).toList();
    }
}
