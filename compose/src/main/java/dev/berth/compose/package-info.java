/**
 * Berth Compose: load Compose projects in pure Java and run them on a Docker engine, interoperable with Docker
 * Compose v2.
 *
 * <p>{@link dev.berth.compose.Compose#load} reads files exactly as Docker Compose does; {@link
 * dev.berth.compose.Compose#project} binds the result to an engine as a {@link dev.berth.compose.ComposeProject}, whose
 * commands ({@code up}, {@code down}, {@code ps}, {@code logs}, {@code run}, …) name, label and hash containers,
 * networks and volumes as Docker Compose 2.26.1 does, so either tool treats the other's containers as its own.
 *
 * <pre>{@code
 * try (Engine engine = Engine.fromEnv()) {
 *     ComposeProject app = Compose.project(engine, LoadOptions.of(Path.of("compose.yaml")));
 *     app.up().scale("web", 3).removeOrphans().waitReady(Duration.ofSeconds(60)).run();
 *     int port = app.port("web", 80).orElseThrow();
 *     app.down().volumes().run();
 * }
 * }</pre>
 */
package dev.berth.compose;
