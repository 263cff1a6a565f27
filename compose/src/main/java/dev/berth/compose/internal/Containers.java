package dev.berth.compose.internal;

import dev.berth.compose.ComposeException;
import dev.berth.compose.model.Service;
import dev.berth.container.ContainerSpec;
import dev.berth.container.NetworkAttachment;
import dev.berth.container.internal.CreateMapping;
import dev.berth.container.internal.RecordedState;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Creating, naming, labelling and removing one service container, as Compose does. */
final class Containers {
    private Containers() {
    }

    /** {@code <project>-<service>-<n>}, or the service's {@code container_name}. */
    static String name(Session s, Service svc, int number) {
        return svc.containerName() != null && !svc.containerName().isEmpty() ? svc.containerName()
                : s.project.name() + "-" + svc.name() + "-" + number;
    }

    /** The labels Compose puts on a service container, plus the service's own; Berth's are added on create. */
    static Map<String, String> labels(Session s, Service svc, Integer number, String hash, String imageId,
                                      String slug) {
        Map<String, String> l = new LinkedHashMap<>(svc.labels());
        l.put(ComposeLabels.PROJECT, s.project.name());
        l.put(ComposeLabels.SERVICE, svc.name());
        l.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
        l.put(ComposeLabels.WORKING_DIR, s.project.workingDir().toAbsolutePath().toString());
        l.put(ComposeLabels.CONFIG_FILES, s.project.configFiles().stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(",")));
        l.put(ComposeLabels.ONEOFF, slug == null ? "False" : "True");
        if (slug != null) {
            l.put(ComposeLabels.SLUG, slug);
        }
        if (imageId != null) {
            l.put(ComposeLabels.IMAGE, imageId);
        }
        l.put(ComposeLabels.CONFIG_HASH, hash);
        if (number != null) {
            l.put(ComposeLabels.NUMBER, Integer.toString(number));
        }
        l.put(ComposeLabels.DEPENDS_ON, new TreeMap<>(svc.dependsOn()).entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().condition() + ":" + e.getValue().restart())
                .collect(Collectors.joining(",")));
        return l;
    }

    /**
     * Creates the container under {@code createName} (the final {@code name} is used for aliases) from the service's
     * {@link ContainerSpec} and core's create mapping, then connects its other networks; returns its id.
     *
     * @param ports whether to publish the service's ports
     * @param edit  changes to the spec before it is built ({@code run}'s overrides), or null
     */
    static String create(Session s, Service svc, String name, String createName, Map<String, String> labels,
                         Map<String, String> refs, boolean aliases, boolean ports,
                         UnaryOperator<ContainerSpec.Builder> edit) {
        ContainerSpec spec;
        try {
            ContainerSpec.Builder b = ContainerSpecs.of(s.project, svc, name, refs, aliases, ports);
            spec = (edit == null ? b : edit.apply(b)).name(createName).labels(labels).build();
        } catch (IllegalArgumentException e) {
            throw new ComposeException(svc.name(), "Cannot create service '" + svc.name() + "': " + e.getMessage(), e);
        }
        CreateMapping.Create create = CreateMapping.of(spec, s.api.conn().labels(), s.api.apiAtLeast("1.44"));
        String id;
        try {
            id = RawApi.callJson(s.api.conn(), "POST", "/containers/create?name=" + RawApi.q(createName),
                    create.body()).json().path("Id").asText();
        } catch (RuntimeException e) {
            RuntimeException t = Errors.translate(e, "container", createName, "create");
            throw new ComposeException(svc.name(), "Cannot create container " + name + " for service '" + svc.name()
                    + "': " + t.getMessage(), t);
        }
        for (NetworkAttachment n : create.connectAfter()) {
            try {
                RawApi.callJson(s.api.conn(), "POST", "/networks/" + RawApi.q(n.network()) + "/connect",
                        CreateMapping.connectBody(id, n));
            } catch (RuntimeException e) {
                s.api.tolerate("DELETE", "/containers/" + id + "?force=1", null, 404);
                RuntimeException t = Errors.translate(e, "network", n.network(), "connect to");
                throw new ComposeException(svc.name(), "Cannot connect " + name + " to network " + n.network()
                        + ": " + t.getMessage(), t);
            }
        }
        try {
            FileInjection.inject(s, svc, id, name);
        } catch (RuntimeException e) {
            s.api.tolerate("DELETE", "/containers/" + id + "?force=1", null, 404);
            throw e;
        }
        return id;
    }

    /** Stops then removes a container; a missing container is not an error. */
    static void stopAndRemove(Session s, String id, String name, Duration timeout, boolean volumes) {
        s.event("Container", name, "Stopping");
        postStop(s, id, timeout);
        s.event("Container", name, "Stopped");
        s.event("Container", name, "Removing");
        remove(s, id, volumes);
        s.event("Container", name, "Removed");
    }

    /** Stops a container and returns once the engine's container list agrees ({@link RecordedState}). */
    static void stop(Session s, String id, Duration timeout) {
        postStop(s, id, timeout);
        RecordedState.await(s.api.conn(), id);
    }

    private static void postStop(Session s, String id, Duration timeout) {
        s.api.tolerate("POST", "/containers/" + id + "/stop" + (timeout == null ? "" : "?t=" + timeout.toSeconds()),
                null, 304, 404);
    }

    static void remove(Session s, String id, boolean volumes) {
        s.api.tolerate("DELETE", "/containers/" + id + "?force=1" + (volumes ? "&v=1" : ""), null, 404, 409);
    }

}
