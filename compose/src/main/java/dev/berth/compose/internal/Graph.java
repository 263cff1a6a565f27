package dev.berth.compose.internal;

import dev.berth.compose.ComposeException;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The project's dependency graph: {@code depends_on} plus {@code service:} namespace and volume references. */
final class Graph {
    private Graph() {
    }

    /** The services a service depends on, restricted to active services of the project. */
    static Set<String> dependencies(Project p, Service s) {
        Set<String> out = new LinkedHashSet<>();
        for (String d : s.dependsOn().keySet()) {
            if (p.services().containsKey(d)) {
                out.add(d);
            }
        }
        out.addAll(namespaceDependencies(p, s));
        return out;
    }

    /** Services whose first container must exist before this one is created (network/ipc/pid/volumes_from). */
    static Set<String> namespaceDependencies(Project p, Service s) {
        Set<String> out = new LinkedHashSet<>();
        for (String mode : new String[]{s.networkMode(), s.ipc(), s.pid()}) {
            if (mode != null && mode.startsWith("service:") && p.services().containsKey(mode.substring(8))) {
                out.add(mode.substring(8));
            }
        }
        for (String v : s.volumesFrom()) {
            String name = v.split(":")[0];
            if (!v.startsWith("container:") && p.services().containsKey(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The named services and, transitively, what they depend on; all services when none are named. */
    static Map<String, Service> closure(Project p, Collection<String> names) {
        Map<String, Service> out = new TreeMap<>();
        if (names.isEmpty()) {
            out.putAll(p.services());
            return out;
        }
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            Service s = p.services().get(n);
            if (s == null) {
                if (p.disabledServices().containsKey(n)) {
                    throw new ComposeException(n, "service \"" + n + "\" is disabled by its profiles "
                            + p.disabledServices().get(n).profiles() + "; activate one of them", null);
                }
                throw new ComposeException(n, "no such service: " + n + "; the project has " + p.services().keySet(),
                        null);
            }
            if (out.put(n, s) == null) {
                todo.addAll(dependencies(p, s));
            }
        }
        return out;
    }

    /** The given services that depend on {@code name}. */
    static List<String> dependents(Project p, Map<String, Service> among, String name) {
        List<String> out = new ArrayList<>();
        among.forEach((n, s) -> {
            if (dependencies(p, s).contains(name)) {
                out.add(n);
            }
        });
        return out;
    }

    /** The services in an order where dependencies come first (ties by name). */
    static List<String> order(Project p, Map<String, Service> among) {
        List<String> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String n : among.keySet()) {
            visit(p, among, n, done, out, new LinkedHashSet<>());
        }
        return out;
    }

    private static void visit(Project p, Map<String, Service> among, String n, Set<String> done, List<String> out,
                              Set<String> path) {
        if (done.contains(n) || !among.containsKey(n)) {
            return;
        }
        if (!path.add(n)) {
            throw new ComposeException(n, "dependency cycle detected: " + String.join(" -> ", path) + " -> " + n, null);
        }
        for (String d : dependencies(p, among.get(n))) {
            visit(p, among, d, done, out, path);
        }
        path.remove(n);
        done.add(n);
        out.add(n);
    }
}
