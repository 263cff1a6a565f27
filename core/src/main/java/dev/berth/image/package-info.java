/**
 * Images and builds: the {@link dev.berth.image.Image} handle ({@code pull}, {@code push}, {@code tag},
 * {@code remove}, {@code inspect}, {@code history}, {@code save}), {@link dev.berth.image.ImageQuery} for many
 * images ({@code docker images} filters, {@code load}, {@code import}, {@code prune}), {@link dev.berth.image.BuildSpec}
 * with typed {@link dev.berth.image.BuildEvent}s, {@code .dockerignore} rules ({@link dev.berth.image.DockerIgnore})
 * and streamed build contexts ({@link dev.berth.image.BuildContext}).
 *
 * <pre>{@code
 * ProgressTracker bar = new ProgressTracker();
 * Image app = engine.build(BuildSpec.builder().context(Path.of("app")).tag("127.0.0.1:5000/app:1")
 *         .events(e -> { if (e instanceof BuildEvent.StepStarted s) log(s.text()); })
 *         .build());
 * app.push(PushOptions.defaults().progress(bar));                 // credentials from ~/.docker/config.json
 * engine.images().reference("127.0.0.1:5000/app").save(Path.of("app.tar"));
 * engine.images().label("ci").prune();
 * }</pre>
 */
package dev.berth.image;
