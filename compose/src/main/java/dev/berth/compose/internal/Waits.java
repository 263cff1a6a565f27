package dev.berth.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.compose.ComposeException;
import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code depends_on} conditions and {@code up --wait}, decided from one inspect and then from engine events
 * ({@link Watch}); no polling.
 */
final class Waits {
    private static final Duration FOREVER = Duration.ofDays(1);
    private final Session s;
    private final Watch watch;

    Waits(Session s, Watch watch) {
        this.s = s;
        this.watch = watch;
    }

    /** Blocks until the container is healthy; fails when it exits, turns unhealthy, has no check, or time runs out. */
    void healthy(String service, UpRun.Ref r, Duration timeout) {
        await(service, r, timeout, "healthy", false);
    }

    /** Blocks until the container is running, or healthy when it has a health check ({@code running_or_healthy}). */
    void runningOrHealthy(String service, UpRun.Ref r, Duration timeout) {
        await(service, r, timeout, "healthy", true);
    }

    /** Blocks until the container has exited with code 0; fails on another code. */
    void completed(String service, UpRun.Ref r, Duration timeout) {
        long end = System.nanoTime() + (timeout == null ? FOREVER : timeout).toNanos();
        try {
            while (true) {
                long v = watch.version();
                JsonNode st = state(r);
                Integer code = null;
                if ("exited".equals(st.path("Status").asText())) {
                    code = st.path("ExitCode").asInt(0);
                } else {
                    Optional<Watch.Seen> seen = watch.seen(r.id());
                    if (seen.isPresent() && seen.get().exitCode() != null) {
                        code = seen.get().exitCode();
                    }
                }
                if (code != null) {
                    if (code != 0) {
                        throw new ComposeException(service, "service \"" + service + "\" didn't complete successfully:"
                                + " exit " + code + "; check its logs (docker compose logs " + service + ")", null);
                    }
                    return;
                }
                if (!sleep(end, v)) {
                    throw timeout(service, r, "complete successfully", "running");
                }
            }
        } catch (InterruptedException e) {
            Session.sleepless(e);
        }
    }

    private void await(String service, UpRun.Ref r, Duration timeout, String want, boolean runningIsEnough) {
        long end = System.nanoTime() + (timeout == null ? FOREVER : timeout).toNanos();
        try {
            long v = watch == null ? 0 : watch.version();
            JsonNode state = state(r);
            boolean hasCheck = state.path("Health").isObject();
            if (!hasCheck) {
                if (runningIsEnough) {
                    if ("exited".equals(state.path("Status").asText())) {
                        throw exited(service, r, state.path("ExitCode").asInt());
                    }
                    return;
                }
                throw new ComposeException(service, "container " + r.name() + " has no healthcheck configured;"
                        + " add a healthcheck to service \"" + service + "\" or depend on it with service_started", null);
            }
            String health = state.path("Health").path("Status").asText();
            while (true) {
                if ("exited".equals(state.path("Status").asText())) {
                    throw exited(service, r, state.path("ExitCode").asInt());
                }
                if (health.equals(want)) {
                    return;
                }
                if (health.equals("unhealthy")) {
                    throw new ComposeException(service, "container " + r.name() + " is unhealthy: service \"" + service
                            + "\" failed its health check; see docker inspect " + r.name() + " for the check's output",
                            null);
                }
                if (!sleep(end, v)) {
                    throw timeout(service, r, "become healthy", "health " + health);
                }
                // Woken by an event (or the periodic re-check): read the state again, events only say when to look.
                v = watch.version();
                state = state(r);
                if (state.path("Health").isObject()) {
                    health = state.path("Health").path("Status").asText();
                }
            }
        } catch (InterruptedException e) {
            Session.sleepless(e);
        }
    }

    /** Waits for the next event or the deadline; false when the deadline has passed. */
    private boolean sleep(long end, long seenVersion) throws InterruptedException {
        long left = end - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        watch.awaitChange(seenVersion, Duration.ofNanos(Math.min(left, Duration.ofSeconds(2).toNanos())));
        return true;
    }

    private JsonNode state(UpRun.Ref r) {
        return s.api.object("/containers/" + r.id() + "/json", "container", r.name()).path("State");
    }

    private static ComposeException exited(String service, UpRun.Ref r, int code) {
        return new ComposeException(service, "container " + r.name() + " exited (" + code + "); service \"" + service
                + "\" stopped before it was ready; check its logs", null);
    }

    private static ComposeException timeout(String service, UpRun.Ref r, String what, String last) {
        return new ComposeException(service, "timed out waiting for container " + r.name() + " of service \"" + service
                + "\" to " + what + " (last state: " + last + ")", null);
    }

    /** {@code up --wait}: every container running or healthy, or exited 0 when a dependent needs it completed. */
    void waitAll(Map<String, Service> services, Map<String, List<UpRun.Ref>> containers, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<Runnable> tasks = new ArrayList<>();
        containers.forEach((service, refs) -> {
            boolean oneShot = services.values().stream().anyMatch(x -> {
                Dependency d = x.dependsOn().get(service);
                return d != null && d.condition().equals("service_completed_successfully");
            });
            for (UpRun.Ref r : refs) {
                tasks.add(() -> {
                    Duration left = Duration.ofNanos(Math.max(1, end - System.nanoTime()));
                    if (oneShot) {
                        completed(service, r, left);
                    } else {
                        runningOrHealthy(service, r, left);
                    }
                    s.event("Container", r.name(), "Healthy");
                });
            }
        });
        s.all(tasks);
    }
}
