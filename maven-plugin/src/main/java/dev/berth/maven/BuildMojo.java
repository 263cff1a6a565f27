package dev.berth.maven;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.image.BuildSpec;
import dev.berth.image.Image;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker build}: builds the project's image from its Dockerfile (or one generated from the typed model) and
 * tags it with the project's coordinates, by default {@code ARTIFACTID:VERSION} and {@code ARTIFACTID:latest}, with
 * OCI labels from the POM. Bound to {@code package}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends DockerfileMojo {
    /** The image repository ({@code docker build -t NAME}); default: the artifactId. */
    @Parameter(property = "berth.image")
    String image;

    /** The tags; default: the project version and {@code latest}. */
    @Parameter(property = "berth.tags")
    List<String> tags;

    /** Build arguments ({@code --build-arg}), each {@code NAME=VALUE}. */
    @Parameter(property = "berth.args")
    List<String> args;

    /** Image labels ({@code --label}), each {@code KEY=VALUE}, added to the OCI labels from the POM. */
    @Parameter(property = "berth.labels")
    List<String> labels;

    /** The stage to build ({@code --target}). */
    @Parameter(property = "berth.target")
    String target;

    /** Ignores the build cache ({@code --no-cache}). */
    @Parameter(property = "berth.noCache", defaultValue = "false")
    boolean noCache;

    /** Always pulls newer base images ({@code --pull}). */
    @Parameter(property = "berth.pull", defaultValue = "false")
    boolean pull;

    /** The platform to build for ({@code --platform}), e.g. {@code linux/amd64}. */
    @Parameter(property = "berth.platform")
    String platform;

    /** The network of RUN steps ({@code --network}), e.g. {@code host} or {@code none}. */
    @Parameter(property = "berth.network")
    String network;

    /** Skips this goal. */
    @Parameter(property = "berth.skip.build", defaultValue = "false")
    boolean skipBuild;

    @Override
    Optional<String> skipReason() {
        return skipBuild ? Optional.of("berth.skip.build") : Optional.empty();
    }

    @Override
    void run() {
        List<String> references = ImageNames.references(project, image, tags);
        // The image is the build's artifact, not a resource of this Maven session: without the session's label an
        // unchanged project builds from the cache whole and keeps its image id, as with docker build.
        BuildSpec.Builder spec = BuildSpec.builder().context(context.toPath()).withoutSessionLabel()
                .output(line -> getLog().info(line.stripTrailing()));
        if (generated()) {
            spec.dockerfile(model());
        } else {
            spec.dockerfile(requireDockerfile().toPath());   // the engine parses it and reports the failing line
        }
        references.forEach(spec::tag);
        KeyValues.parse(args, "args").forEach(spec::buildArg);
        Map<String, String> allLabels = Coordinates.ociLabels(project);
        allLabels.putAll(KeyValues.parse(labels, "labels"));
        allLabels.forEach(spec::label);
        if (target != null && !target.isBlank()) {
            spec.target(target);
        }
        if (noCache) {
            spec.noCache();
        }
        if (pull) {
            spec.pull();
        }
        if (platform != null && !platform.isBlank()) {
            spec.platform(platform);
        }
        if (network != null && !network.isBlank()) {
            spec.network(network);
        }
        try (Engine engine = connect()) {
            Set<String> replaced = existingIds(engine, references);
            String id = engine.build(spec.build()).id();
            getLog().info("Built " + id + " as " + String.join(", ", references));
            replaced.remove(id);
            replaced.forEach(old -> removeIfDangling(engine, old));
        }
    }

    private static Set<String> existingIds(Engine engine, List<String> references) {
        Set<String> ids = new LinkedHashSet<>();
        for (String reference : references) {
            Image image = engine.image(reference);
            if (image.exists()) {
                ids.add(image.id());
            }
        }
        return ids;
    }

    /**
     * Removes an image this build's tags moved away from, once nothing names it any more — as fabric8's plugin
     * does, so that building on every {@code mvn verify} does not pile up untagged images. One still used by a
     * container, or tagged elsewhere, is kept.
     */
    private void removeIfDangling(Engine engine, String id) {
        Image old = engine.image(id);
        try {
            if (old.inspect().tags().isEmpty()) {
                old.remove();
                getLog().info("Removed " + id + ", the image these tags named before");
            }
        } catch (BerthException e) {
            getLog().debug("Kept " + id + ": " + e.getMessage());
        }
    }
}
