/**
 * Berth Swarm: clusters, nodes, services, secrets, configs and stacks on Docker's swarm mode.
 *
 * <p>Everything starts from {@link dev.berth.swarm.Swarm#on(dev.berth.Engine)}:
 * <pre>{@code
 * try (Engine engine = Engine.fromEnv()) {
 *     Swarm swarm = Swarm.on(engine);
 *     swarm.init();                                                  // docker swarm init
 *     Service web = swarm.service("nginx:1.25").name("web")          // docker service create
 *             .replicas(3).publish(8080, 80)
 *             .updateConfig(UpdatePolicy.defaults().failureAction(FailureAction.ROLLBACK))
 *             .create();
 *     web.awaitConverged(Duration.ofMinutes(1));                     // every task running and stable
 *     web.scale(5).awaitConverged(Duration.ofMinutes(1));
 *     web.update(s -> s.image("nginx:1.27")).awaitConverged(Duration.ofMinutes(2)); // throws if rolled back
 *
 *     Project shop = Compose.load(LoadOptions.of(Path.of("compose.yaml")));
 *     StackDeployment d = swarm.stacks().deploy(shop);               // docker stack deploy -c compose.yaml shop
 *     d.stack().awaitConverged(Duration.ofMinutes(2));
 * }
 * }</pre>
 *
 * <p>Specs ({@link dev.berth.swarm.ServiceSpec}, {@link dev.berth.swarm.SwarmInit}, …) are immutable values built
 * fluently; only terminal verbs ({@code create}, {@code deploy}, {@code update}, {@code scale}, …) do I/O and return
 * thin handles ({@link dev.berth.swarm.Service}, {@link dev.berth.swarm.Node}, {@link dev.berth.swarm.Secret}, …).
 * Waits ({@link dev.berth.swarm.Convergence}) are driven by the engine's event stream, with a short re-read for the
 * task states the Engine API reports without an event. Berth talks to the Engine API's swarm endpoints directly
 * (API 1.41+, Docker 20.10+); docker-java stays an implementation detail of {@code dev.berth.swarm.internal}.
 */
package dev.berth.swarm;
