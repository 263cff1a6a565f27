/**
 * Engine-wide commands, as {@code docker system} offers them: {@link dev.berth.system.EngineSystem#info()},
 * {@link dev.berth.system.EngineSystem#df()} and {@link dev.berth.system.EngineSystem#prune(PruneSpec)}.
 *
 * <pre>{@code
 * SystemInfo info = engine.system().info();            // containers running/paused/stopped, swarm state, version
 * PruneReport r = engine.system().prune(PruneSpec.builder()
 *         .containers().networks().volumes().images()
 *         .label("ci.run", runId).build());             // only what this run labelled
 * }</pre>
 */
package dev.berth.system;
