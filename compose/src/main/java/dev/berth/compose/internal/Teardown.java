package dev.berth.compose.internal;

import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Stops containers in reverse dependency order. A service is stopped once every container of the services that depend
 * on it has exited, which the engine's {@code die} event says before its stop call returns; removal runs behind.
 */
final class Teardown {
    private final Session s;
    private final Duration timeout;

    Teardown(Session s, Duration timeout) {
        this.s = s;
        this.timeout = timeout;
    }

    /**
     * Stops (and, with {@code remove}, removes) the containers, grouped by service, in reverse dependency order.
     * Containers of services unknown to the project are handled first, with no ordering.
     */
    void run(List<Observed> containers, boolean remove, boolean volumes) {
        Project p = s.project;
        Map<String, Service> known = new LinkedHashMap<>(p.services());
        Map<String, List<Observed>> byService = new LinkedHashMap<>();
        for (Observed c : containers) {
            byService.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(c);
        }
        boolean anyRunning = containers.stream().anyMatch(Observed::running);
        Watch watch = anyRunning && containers.size() > 1 ? new Watch(s.api, p.name()) : null;
        try {
            Map<String, CompletableFuture<Void>> exited = new HashMap<>();
            List<CompletableFuture<Void>> removals = new ArrayList<>();
            List<String> order = new ArrayList<>(Graph.order(p, known));
            java.util.Collections.reverse(order);
            for (String name : byService.keySet()) {
                if (!known.containsKey(name)) {
                    order.add(0, name);
                }
            }
            for (String name : order) {
                List<CompletableFuture<Void>> before = new ArrayList<>();
                if (known.containsKey(name)) {
                    for (String dependent : Graph.dependents(p, known, name)) {
                        CompletableFuture<Void> f = exited.get(dependent);
                        if (f != null) {
                            before.add(f);
                        }
                    }
                }
                List<CompletableFuture<Void>> mine = new ArrayList<>();
                for (Observed c : byService.getOrDefault(name, List.of())) {
                    CompletableFuture<Void> died = new CompletableFuture<>();
                    CompletableFuture<Void> done = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                            .thenRunAsync(() -> stop(c, died, watch, remove, volumes), s.pool);
                    done.whenComplete((x, e) -> {
                        if (e != null) {
                            died.completeExceptionally(e);
                        } else {
                            died.complete(null);
                        }
                    });
                    mine.add(died);
                    removals.add(done);
                }
                exited.put(name, CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new)));
            }
            List<CompletableFuture<?>> all = new ArrayList<>(exited.values());
            all.addAll(removals);
            Session.join(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    private void stop(Observed c, CompletableFuture<Void> died, Watch watch, boolean remove, boolean volumes) {
        if (c.running() || c.state().equals("paused") || c.state().equals("restarting")) {
            s.event("Container", c.name(), "Stopping");
            if (watch != null) {
                long deaths = watch.deaths(c.id());
                // The stop call blocks until the engine has cleaned up; the die event comes earlier.
                CompletableFuture<Void> call = s.run(() -> Containers.stop(s, c.id(), timeout));
                s.pool.execute(() -> {
                    try {
                        if (watch.awaitDeath(c.id(), deaths, Duration.ofDays(1), died::isDone)) {
                            died.complete(null);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Session.join(call);
                died.complete(null);
                watch.poke();
            } else {
                Containers.stop(s, c.id(), timeout);
            }
            s.event("Container", c.name(), "Stopped");
        }
        died.complete(null);
        if (remove) {
            s.event("Container", c.name(), "Removing");
            Containers.remove(s, c.id(), volumes);
            s.event("Container", c.name(), "Removed");
        }
    }
}
