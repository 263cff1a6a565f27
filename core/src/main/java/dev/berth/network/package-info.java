/**
 * Networks: create ({@link dev.berth.network.NetworkSpec}), handle ({@link dev.berth.network.Network}), query and
 * prune ({@link dev.berth.network.NetworkQuery}), as {@code docker network} does.
 *
 * <pre>{@code
 * try (Network front = engine.network("front").subnet("10.10.0.0/24").gateway("10.10.0.1").create()) {
 *     Container web = engine.container("nginx:1.25").network(front, "web").detached().run();
 *     front.connect(cache, EndpointSpec.builder().alias("cache").ip("10.10.0.50").build());
 *     NetworkInfo info = front.inspect();   // members with IPv4/IPv6/MAC
 * }
 * }</pre>
 * The engine's own networks are named {@link dev.berth.network.Network#BRIDGE}, {@link dev.berth.network.Network#HOST}
 * and {@link dev.berth.network.Network#NONE}.
 */
package dev.berth.network;
