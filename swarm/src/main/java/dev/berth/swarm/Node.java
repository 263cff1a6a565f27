package dev.berth.swarm;

import dev.berth.swarm.internal.NodeOps;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A handle on a swarm node: the verbs of {@code docker node}. Thread-safe; each method does I/O on the manager it came
 * from.
 *
 * <pre>{@code
 * Node n = swarm.node(id);
 * n.update(s -> s.availability(NodeAvailability.DRAIN).label("zone", "b"));
 * }</pre>
 */
public final class Node {
    private final NodeOps ops;
    private final String id;

    Node(NodeOps ops, String id) {
        this.ops = ops;
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The node's id. */
    public String id() {
        return id;
    }

    /** The node as {@code docker node inspect} shows it. */
    public NodeInfo inspect() {
        return ops.inspect(id);
    }

    /**
     * Changes role, availability or labels ({@code docker node update}): {@code change} gets a builder holding the
     * current spec, which is written with the version read (re-applied if another client changed the node meanwhile).
     * Draining moves the node's tasks elsewhere; chain a service's {@code awaitConverged} to wait for that.
     */
    public Node update(UnaryOperator<NodeSpec.Builder> change) {
        Objects.requireNonNull(change, "change");
        ops.update(id, spec -> change.apply(spec.toBuilder()).build());
        return this;
    }

    /** Makes the node a manager ({@code docker node promote}). */
    public Node promote() {
        return update(s -> s.role(NodeRole.MANAGER));
    }

    /** Makes the node a worker ({@code docker node demote}). */
    public Node demote() {
        return update(s -> s.role(NodeRole.WORKER));
    }

    /** Tasks assigned to this node, current and historic ({@code docker node ps}). */
    public List<Task> tasks() {
        return ops.tasks(id);
    }

    /** Removes a node that left or is down from the swarm ({@code docker node rm}). */
    public void remove() {
        ops.remove(id, false);
    }

    /** Removes the node even if it still looks up ({@code docker node rm --force}). */
    public void forceRemove() {
        ops.remove(id, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && n.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Node[" + id + "]";
    }
}
