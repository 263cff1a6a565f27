package dev.berth.swarm;

import dev.berth.swarm.internal.Readers;
import dev.berth.swarm.internal.ServiceOps;
import dev.berth.swarm.internal.SwarmApi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code docker service ls} request: add filters, then {@link #list()} or {@link #services()}; or look one service up
 * with {@link #get(String)}. Filters of one kind are ORed, different kinds ANDed, as in the engine.
 */
public final class ServiceQuery {
    private final SwarmApi api;
    private final Map<String, List<String>> filters = new LinkedHashMap<>();

    ServiceQuery(SwarmApi api) {
        this.api = api;
    }

    /** Only services with this label key ({@code --filter label=key}). */
    public ServiceQuery label(String key) {
        return filter("label", Objects.requireNonNull(key, "key"));
    }

    /** Only services with this label value ({@code --filter label=key=value}). */
    public ServiceQuery label(String key, String value) {
        return filter("label", Objects.requireNonNull(key, "key") + "=" + Objects.requireNonNull(value, "value"));
    }

    /** Only services whose name starts with {@code name} ({@code --filter name=…}). */
    public ServiceQuery name(String name) {
        return filter("name", Objects.requireNonNull(name, "name"));
    }

    /** Only replicated or only global services ({@code --filter mode=…}). */
    public ServiceQuery mode(String mode) {
        return filter("mode", Objects.requireNonNull(mode, "mode"));
    }

    /** Only services Berth created through this engine session. */
    public ServiceQuery ownSession() {
        api.engine().labels().forEach(this::label);
        return this;
    }

    private ServiceQuery filter(String key, String value) {
        filters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** The matching services with their status counts, sorted by name. */
    public List<ServiceInfo> list() {
        String q = "?status=true" + (filters.isEmpty() ? "" : "&filters=" + SwarmApi.filters(filters));
        List<ServiceInfo> out = new ArrayList<>();
        Map<String, String> networks = new ServiceOps(api).networkNames();
        api.get("/services" + q, "swarm", "", "list the services of")
                .forEach(s -> out.add(Readers.service(s, networks)));
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Handles on the matching services. */
    public List<Service> services() {
        return list().stream().map(s -> new Service(api, s.id(), s.name())).toList();
    }

    /** The service with this name or id, if it exists. */
    public Optional<Service> find(String nameOrId) {
        try {
            return Optional.of(get(nameOrId));
        } catch (ServiceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The service with this name or id.
     *
     * @throws ServiceNotFoundException if there is none
     */
    public Service get(String nameOrId) {
        ServiceOps.Ref r = new ServiceOps(api).ref(Objects.requireNonNull(nameOrId, "nameOrId"));
        return new Service(api, r.id(), r.name());
    }
}
