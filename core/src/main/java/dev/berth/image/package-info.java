/**
 * Images and builds: {@code .dockerignore} rules ({@link dev.berth.image.DockerIgnore}) and streamed build contexts
 * ({@link dev.berth.image.BuildContext}).
 *
 * <pre>{@code
 * BuildContext context = BuildContext.fromDirectory(Path.of("app"))
 *         .withFile("VERSION", "1.2.3\n".getBytes(UTF_8), 0644);
 * try (ContextStream tar = context.open()) {
 *     post("/build?dockerfile=" + tar.dockerfile(), tar);   // streamed, never held in memory
 * }
 * }</pre>
 */
package dev.berth.image;
