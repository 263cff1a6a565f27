package dev.berth.compose.internal;

import dev.berth.compose.model.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converges one service ({@code convergence.go} {@code ensureService}): keeps up-to-date containers, recreates
 * diverged ones, scales down from the highest numbers (obsolete ones first) and creates the missing replicas.
 */
final class Convergence {
    private final UpRun up;
    private final Session s;
    private final Service svc;
    private final List<Observed> existing;

    Convergence(UpRun up, Service svc, List<Observed> existing) {
        this.up = up;
        this.s = up.session();
        this.svc = svc;
        this.existing = existing;
    }

    List<UpRun.Ref> apply() {
        int expected = up.scale(svc);
        Map<String, String> refs = new TreeMap<>();
        for (String d : Graph.namespaceDependencies(s.project, svc)) {
            String id = up.firstContainer(d);
            if (id != null) {
                refs.put(d, id);
            }
        }
        String hash = ServiceHash.of(svc, refs::get);
        String imageId = up.imageId(svc.name());
        Set<String> networks = expectedNetworks();
        Set<String> volumes = expectedVolumes();
        List<Observed> sorted = new ArrayList<>(existing);
        sorted.sort(Comparator.comparing((Observed c) -> !obsolete(c, hash, imageId, networks, volumes))
                .thenComparing(Observed.BY_NUMBER));
        List<Runnable> tasks = new ArrayList<>();
        UpRun.Ref[] out = new UpRun.Ref[expected];
        for (int i = 0; i < sorted.size(); i++) {
            Observed c = sorted.get(i);
            if (i >= expected) {
                tasks.add(() -> {
                    Containers.stopAndRemove(s, c.id(), c.name(), up.options().timeout(), false);
                    up.removed(c.name());
                });
                continue;
            }
            int slot = i;
            if (obsolete(c, hash, imageId, networks, volumes)) {
                tasks.add(() -> out[slot] = recreate(c, hash, imageId, refs));
                continue;
            }
            if (c.running()) {
                s.event("Container", c.name(), "Running");
                up.running(c.name());
            }
            out[slot] = new UpRun.Ref(c.id(), c.name(), !c.running() && !c.state().equals("paused"));
        }
        int next = sorted.stream().mapToInt(Observed::number).max().orElse(0) + 1;
        for (int i = 0; i < expected - sorted.size(); i++) {
            int number = next + i;
            int slot = sorted.size() + i;
            tasks.add(() -> {
                String name = Containers.name(s, svc, number);
                s.event("Container", name, "Creating");
                String id = Containers.create(s, svc, name, name,
                        Containers.labels(s, svc, number, hash, imageId, null), refs, true, true, null);
                up.createdNow(svc.name(), id, name, false);
                s.event("Container", name, "Created");
                out[slot] = new UpRun.Ref(id, name, true);
            });
        }
        s.all(tasks);
        List<UpRun.Ref> result = new ArrayList<>();
        for (UpRun.Ref r : out) {
            if (r != null) {
                result.add(r);
            }
        }
        up.converged(svc.name(), result);
        return result;
    }

    private boolean obsolete(Observed c, String hash, String imageId, Set<String> networks, Set<String> volumes) {
        return switch (up.options().recreate()) {
            case NEVER -> false;
            case FORCE -> true;
            case DIVERGED -> !c.hash().equals(hash)
                    || (imageId != null && !imageId.equals(c.labels().getOrDefault(ComposeLabels.IMAGE, "")))
                    || !attached(c).containsAll(networks)
                    || !c.volumes().containsAll(volumes);
        };
    }

    /**
     * The engine names of the project volumes the service mounts. A container that does not mount one of them (the
     * volume was recreated, or its {@code name:} changed) is recreated, as Compose does; the config hash alone would
     * not notice, since it covers the service, not the top-level volume.
     */
    private Set<String> expectedVolumes() {
        Set<String> out = new java.util.HashSet<>();
        for (var m : svc.volumes()) {
            if ("volume".equals(m.type()) && m.source() != null && s.project.volumes().containsKey(m.source())) {
                out.add(s.project.volumes().get(m.source()).name());
            }
        }
        return out;
    }

    private Set<String> expectedNetworks() {
        if (svc.networkMode() != null && !svc.networkMode().isEmpty()) {
            return Set.of();
        }
        Set<String> out = new java.util.HashSet<>();
        svc.networks().keySet().forEach(k -> out.add(ContainerSpecs.networkName(s.project, k)));
        return out;
    }

    private Set<String> attached(Observed c) {
        return c.networks();
    }

    private UpRun.Ref recreate(Observed old, String hash, String imageId, Map<String, String> refs) {
        String name = Containers.name(s, svc, old.number());
        s.event("Container", old.name(), "Recreate");
        Map<String, String> labels = Containers.labels(s, svc, old.number(), hash, imageId, null);
        labels.put(ComposeLabels.REPLACE, old.id());
        String tmp = old.id().substring(0, 12) + "_" + name;
        String id = Containers.create(s, svc, name, tmp, labels, refs, true, true, null);
        up.createdNow(svc.name(), id, name, true);
        Containers.stop(s, old.id(), up.options().timeout());
        Containers.remove(s, old.id(), false);
        s.api.call("POST", "/containers/" + id + "/rename?name=" + UpRun.q(name), null, "rename", "container", tmp);
        s.event("Container", old.name(), "Recreated");
        return new UpRun.Ref(id, name, true);
    }
}
