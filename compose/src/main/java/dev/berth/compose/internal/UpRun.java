package dev.berth.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.compose.ComposeException;
import dev.berth.compose.UpResult;
import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.Volume;
import dev.berth.internal.RawApi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code docker compose up}: images, networks and volumes first, then every service converged (created, recreated,
 * scaled) in parallel and started as soon as its dependencies satisfy their {@code depends_on} conditions.
 */
final class UpRun {
    private final Session s;
    private final UpOptions o;
    private final Map<String, String> imageIds = new ConcurrentHashMap<>();
    private final Map<String, String> firstContainer = new ConcurrentHashMap<>();
    private final Set<String> createdNow = ConcurrentHashMap.newKeySet();
    private final Set<String> recreatedNow = ConcurrentHashMap.newKeySet();
    private final Set<String> startedIds = ConcurrentHashMap.newKeySet();
    private final Set<String> replacedServices = ConcurrentHashMap.newKeySet();
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    private final List<String> recreated = Collections.synchronizedList(new ArrayList<>());
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());
    private final List<String> running = Collections.synchronizedList(new ArrayList<>());
    private final List<String> removed = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Ref>> containers = new ConcurrentHashMap<>();
    private Map<String, Service> services;
    private Watch watch;
    private boolean startOnly;

    /** A container of the converged service: its id and name, and whether {@code up} must start it. */
    record Ref(String id, String name, boolean needsStart) {
    }

    UpRun(Session s, UpOptions o) {
        this.s = s;
        this.o = o;
    }

    UpResult run() {
        services = o.noDeps() ? only(o.services()) : Graph.closure(s.project, o.services());
        Graph.order(s.project, services);
        for (Service svc : services.values()) {
            if (scale(svc) > 1 && svc.containerName() != null && !svc.containerName().isEmpty()) {
                throw new ComposeException(svc.name(), "services.scale: can't set container_name and " + svc.name()
                        + " as container name must be unique: service \"" + svc.name() + "\" has container_name \""
                        + svc.containerName() + "\"; remove container_name to run more than one replica", null);
            }
        }
        List<Observed> observed = Observed.list(s.api, s.project.name(), null);
        prepare();
        orphans(observed);
        try {
            converge(observed);
            if (o.waitTimeout() != null && !o.noStart()) {
                new Waits(s, watch).waitAll(services, containers, o.waitTimeout());
            }
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
        return new UpResult(List.copyOf(created), List.copyOf(recreated), List.copyOf(started), List.copyOf(running),
                List.copyOf(removed), s.warnings());
    }

    /** {@code start}: the start phase alone, on the containers that exist. */
    void startExisting(List<Observed> existing) {
        services = Graph.closure(s.project, o.services());
        startOnly = true;
        if (needsWatch()) {
            watch = new Watch(s.api, s.project.name());
        }
        try {
            converge(existing);
            if (o.waitTimeout() != null) {
                new Waits(s, watch).waitAll(services, containers, o.waitTimeout());
            }
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    private Map<String, Service> only(List<String> names) {
        Map<String, Service> out = new java.util.TreeMap<>();
        Graph.closure(s.project, names).forEach((n, svc) -> {
            if (names.isEmpty() || names.contains(n)) {
                out.put(n, svc);
            }
        });
        return out;
    }

    int scale(Service svc) {
        return o.scale().getOrDefault(svc.name(), svc.replicas());
    }

    /** Images, networks, volumes and the event subscription, all in parallel. */
    private void prepare() {
        List<Runnable> tasks = new ArrayList<>();
        // Services sharing an image and without a build section resolve it once.
        Map<String, List<Service>> byImage = new LinkedHashMap<>();
        for (Service svc : services.values()) {
            String key = svc.build() != null ? "build:" + svc.name() : ContainerSpecs.imageName(s.project, svc) + "|"
                    + (o.pull() != null ? o.pull() : svc.pullPolicy());
            byImage.computeIfAbsent(key, k -> new ArrayList<>()).add(svc);
        }
        for (List<Service> group : byImage.values()) {
            tasks.add(() -> {
                String id = new Images(s.api, s.project, s.progress).ensure(group.get(0), o.pull(), o.build(),
                        o.noBuild());
                group.forEach(svc -> imageIds.put(svc.name(), id));
            });
        }
        // Images first: a service whose image cannot be built or pulled fails the command before anything exists.
        s.all(tasks);
        tasks = new ArrayList<>();
        Resources res = new Resources(s.api, s.project, s::warn);
        for (Network n : s.project.networks().values()) {
            tasks.add(() -> {
                if (res.ensureNetwork(n)) {
                    s.event("Network", n.name(), "Created");
                }
            });
        }
        for (Volume v : s.project.volumes().values()) {
            tasks.add(() -> {
                if (res.ensureVolume(v)) {
                    s.event("Volume", v.name(), "Created");
                }
            });
        }
        if (!o.noStart() && needsWatch()) {
            tasks.add(() -> watch = new Watch(s.api, s.project.name()));
        }
        try {
            s.all(tasks);
        } catch (RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            throw e;
        }
    }

    private boolean needsWatch() {
        if (o.waitTimeout() != null) {
            return true;
        }
        for (Service svc : services.values()) {
            for (Dependency d : svc.dependsOn().values()) {
                if (!d.condition().equals("service_started")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void orphans(List<Observed> observed) {
        Set<String> known = new HashSet<>(s.project.services().keySet());
        known.addAll(s.project.disabledServices().keySet());
        List<Observed> orphans = observed.stream().filter(c -> !known.contains(c.service())).toList();
        if (orphans.isEmpty()) {
            return;
        }
        if (o.removeOrphans()) {
            s.all(orphans.stream().<Runnable>map(c -> () -> {
                Containers.stopAndRemove(s, c.id(), c.name(), o.timeout(), false);
                removed.add(c.name());
            }).toList());
        } else {
            s.warn("Found orphan containers (" + orphans.stream().map(Observed::name).toList() + ") for this project."
                    + " If you removed or renamed this service in your compose file, you can run this command with the"
                    + " --remove-orphans flag to clean it up.");
        }
    }

    private void converge(List<Observed> observed) {
        Map<String, CompletableFuture<List<Ref>>> createdF = new LinkedHashMap<>();
        Map<String, CompletableFuture<Void>> startedF = new LinkedHashMap<>();
        for (String name : Graph.order(s.project, services)) {
            Service svc = services.get(name);
            List<CompletableFuture<?>> before = new ArrayList<>();
            for (String d : Graph.namespaceDependencies(s.project, svc)) {
                if (createdF.containsKey(d)) {
                    before.add(createdF.get(d));
                }
            }
            List<Observed> mine = observed.stream().filter(c -> c.service().equals(name) && !c.oneoff()).toList();
            CompletableFuture<List<Ref>> c = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                    .thenApplyAsync(x -> startOnly ? existing(svc, mine) : new Convergence(this, svc, mine).apply(), s.pool);
            createdF.put(name, c);
            if (o.noStart()) {
                continue;
            }
            List<CompletableFuture<?>> ready = new ArrayList<>(List.of(c));
            svc.dependsOn().forEach((dep, d) -> {
                if (startedF.containsKey(dep)) {
                    ready.add(dependencyReady(svc, dep, d, startedF.get(dep)));
                } else if (d.required() && !services.containsKey(dep) && s.project.services().containsKey(dep)) {
                    // not selected (--no-deps): Compose does not wait either
                    return;
                }
            });
            startedF.put(name, CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                    .thenRunAsync(() -> start(svc), s.pool));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(createdF.values());
        all.addAll(startedF.values());
        try {
            Session.join(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
        } catch (RuntimeException e) {
            cleanupAfterFailure();
            throw firstFailure(createdF, startedF, e);
        }
    }

    private List<Ref> existing(Service svc, List<Observed> mine) {
        List<Ref> refs = mine.stream().map(c -> new Ref(c.id(), c.name(), !c.running() && !c.state().equals("paused")))
                .toList();
        converged(svc.name(), refs);
        return refs;
    }

    private CompletableFuture<Void> dependencyReady(Service svc, String dep, Dependency d, CompletableFuture<Void> f) {
        if (d.condition().equals("service_started") || scale(services.get(dep)) == 0) {
            return f;
        }
        CompletableFuture<Void> w = f.thenRunAsync(() -> {
            List<Ref> refs = containers.getOrDefault(dep, List.of());
            Waits waits = new Waits(s, watch);
            for (Ref r : refs) {
                s.event("Container", r.name(), "Waiting");
                if (d.condition().equals("service_healthy")) {
                    waits.healthy(dep, r, null);
                    s.event("Container", r.name(), "Healthy");
                } else if (d.condition().equals("service_completed_successfully")) {
                    waits.completed(dep, r, null);
                    s.event("Container", r.name(), "Exited");
                }
            }
        }, s.pool);
        if (!d.required()) {
            return w.exceptionally(e -> {
                s.warn("optional dependency \"" + dep + "\" of \"" + svc.name() + "\" failed: "
                        + Session.unwrap(e).getMessage());
                return null;
            });
        }
        return w;
    }

    private static final java.util.concurrent.Semaphore STARTS = new java.util.concurrent.Semaphore(
            Integer.getInteger("berth.compose.parallelStarts", 64));

    private void start(Service svc) {
        List<Ref> refs = containers.getOrDefault(svc.name(), List.of());
        boolean restart = svc.dependsOn().entrySet().stream()
                .anyMatch(d -> d.getValue().restart() && replacedServices.contains(d.getKey()));
        if (restart) {
            // depends_on restart: true: a dependency was replaced, so running dependents restart once it is ready.
            s.all(refs.stream().filter(r -> !r.needsStart() && !recreatedNow.contains(r.id())).<Runnable>map(r -> () -> {
                s.event("Container", r.name(), "Restarting");
                s.api.call("POST", "/containers/" + r.id() + "/restart", null, "restart", "container", r.name());
                started.add(r.name());
                s.event("Container", r.name(), "Restarted");
            }).toList());
        }
        s.all(refs.stream().filter(Ref::needsStart).<Runnable>map(r -> () -> {
            s.event("Container", r.name(), "Starting");
            try {
                STARTS.acquireUninterruptibly();
                try {
                    s.api.tolerate("POST", "/containers/" + r.id() + "/start", null, 304);
                } finally {
                    STARTS.release();
                }
            } catch (RuntimeException e) {
                RuntimeException t = dev.berth.internal.Errors.translate(e, "container", r.name(), "start");
                s.event("Container", r.name(), "Error");
                throw new ComposeException(svc.name(), "Cannot start service '" + svc.name() + "' (container "
                        + r.name() + "): " + t.getMessage(), t);
            }
            started.add(r.name());
            startedIds.add(r.id());
            s.event("Container", r.name(), "Started");
        }).toList());
    }

    /** Removes containers this run created (or recreated) that never started: nothing is left half-made. */
    private void cleanupAfterFailure() {
        List<Runnable> tasks = new ArrayList<>();
        for (String id : createdNow) {
            if (startedIds.contains(id)) {
                continue; // it ran (a one-shot may have completed): not half-made, and its logs stay readable
            }
            tasks.add(() -> {
                try {
                    JsonNode info = s.api.objectOrNull("/containers/" + id + "/json", "container", id);
                    if (info != null && !info.path("State").path("Running").asBoolean()) {
                        s.api.tolerate("DELETE", "/containers/" + id + "?force=1&v=1", null, 404, 409);
                    }
                } catch (RuntimeException ignored) {
                    // best effort: down still finds anything left through its labels
                }
            });
        }
        try {
            s.all(tasks);
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    private RuntimeException firstFailure(Map<String, CompletableFuture<List<Ref>>> createdF,
                                          Map<String, CompletableFuture<Void>> startedF, RuntimeException fallback) {
        for (var f : createdF.values()) {
            RuntimeException e = failure(f);
            if (e instanceof ComposeException) {
                return e;
            }
        }
        for (var f : startedF.values()) {
            RuntimeException e = failure(f);
            if (e instanceof ComposeException && ((ComposeException) e).service().isPresent()) {
                return e;
            }
        }
        return fallback;
    }

    private static RuntimeException failure(CompletableFuture<?> f) {
        if (!f.isCompletedExceptionally()) {
            return null;
        }
        try {
            f.join();
            return null;
        } catch (RuntimeException e) {
            RuntimeException u = Session.unwrap(e);
            return u instanceof ComposeException ce && ce.service().isPresent() ? u : null;
        }
    }

    // --- used by Convergence

    Session session() {
        return s;
    }

    UpOptions options() {
        return o;
    }

    String imageId(String service) {
        return imageIds.get(service);
    }

    String firstContainer(String service) {
        return firstContainer.get(service);
    }

    void converged(String service, List<Ref> refs) {
        containers.put(service, refs);
        if (!refs.isEmpty()) {
            firstContainer.put(service, refs.get(0).id());
        }
    }

    void createdNow(String service, String id, String name, boolean replacing) {
        createdNow.add(id);
        if (replacing) {
            replacedServices.add(service);
        }
        (replacing ? recreated : created).add(name);
        if (replacing) {
            recreatedNow.add(id);
        }
    }

    void running(String name) {
        running.add(name);
    }

    void removed(String name) {
        removed.add(name);
    }

    static String q(String v) {
        return RawApi.q(v);
    }
}
