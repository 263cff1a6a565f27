/**
 * Berth's implementation core: the one HTTP transport ({@link dev.berth.internal.EngineHttp}), the one JSON reader and
 * writer ({@link dev.berth.internal.Json}), Engine API calls ({@link dev.berth.internal.RawApi}) and error
 * translation ({@link dev.berth.internal.Errors}). Not API; may change in any release.
 *
 * <h2>Layering</h2>
 * This package and every other {@code …internal} package of core sit <em>below</em> the public API. They know an
 * engine only as a {@link dev.berth.internal.Connection} (transport, API version, session labels), never as
 * {@code Engine}; public handles reach the connection through {@link dev.berth.internal.EngineAccess}. Of the public
 * packages, internal code may use <em>value types</em> only:
 * <ul>
 *   <li>records, enums and sealed interfaces of records ({@code ContainerInfo}, {@code PortBinding}, {@code Mount},
 *       {@code BuildEvent}, …);</li>
 *   <li>the exceptions ({@code BerthException} and its subtypes), which {@link dev.berth.internal.Errors} creates;</li>
 *   <li>the builder-only spec classes ({@code ContainerSpec}, {@code NetworkSpec}, {@code VolumeSpec},
 *       {@code BuildSpec}, {@code EngineConfig}, {@code PruneSpec}, …) — the spec, not its builder;</li>
 *   <li>and these immutable classes: {@code Labels}, {@code BuildContext}, {@code ContextStream},
 *       {@code DockerIgnore}, {@code Credentials}, {@code RegistryAuth}.</li>
 * </ul>
 * Never {@code Engine}, {@code Docker}, a handle ({@code Container}, {@code Image}, {@code Network}, {@code Volume}),
 * a query or a builder: those are the layer above, which calls down into this one. {@code dev.berth.arch.LayeringTest}
 * checks this on the compiled classes, and that no public signature mentions an internal type.
 */
package dev.berth.internal;
