package dev.berth.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.BerthException;
import dev.berth.compose.ComposeEvent;
import dev.berth.compose.ComposeException;
import dev.berth.compose.model.Build;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.image.BuildSpec;
import dev.berth.image.PullOptions;
import dev.berth.image.internal.ImagePulls;
import dev.berth.internal.RawApi;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Makes sure each service has its image, building or pulling as Compose's pull policy and {@code --build} say. */
final class Images {
    private final Api api;
    private final Project project;
    private final Consumer<ComposeEvent> progress;

    Images(Api api, Project project, Consumer<ComposeEvent> progress) {
        this.api = api;
        this.project = project;
        this.progress = progress;
    }

    /**
     * Returns the image id the service will run, after building or pulling it if needed.
     *
     * @param policy  the pull policy override ({@code --pull}), or null for the service's own
     * @param build   {@code --build}: build every service that has a build section
     * @param noBuild {@code --no-build}: never build
     */
    String ensure(Service s, String policy, boolean build, boolean noBuild) {
        String image = ContainerSpecs.imageName(project, s);
        String effective = policy != null ? policy : s.pullPolicy() == null ? "" : s.pullPolicy();
        if (s.build() != null && !noBuild && (build || effective.equals("build"))) {
            return build(s);
        }
        if (effective.equals("always")) {
            pull(s, image);
        }
        String id = id(image);
        if (id != null) {
            return id;
        }
        if (s.build() != null && !noBuild) {
            return build(s);
        }
        if (effective.equals("never")) {
            throw new ComposeException(s.name(), "Cannot run service '" + s.name() + "': image '" + image
                    + "' is not present and its pull policy is never; build or pull it first", null);
        }
        pull(s, image);
        id = id(image);
        if (id == null) {
            throw new ComposeException(s.name(), "Image '" + image + "' for service '" + s.name()
                    + "' is still missing after the pull", null);
        }
        return id;
    }

    /** The local image id for a reference, or null when the engine does not have it. */
    String id(String image) {
        JsonNode info = api.objectOrNull("/images/" + RawApi.q(image) + "/json", "image", image);
        return info == null ? null : info.path("Id").asText();
    }

    /** Pulls the service's image ({@code docker compose pull}). */
    void pull(Service s, String image) {
        progress.accept(new ComposeEvent("Image", image, "Pulling", ""));
        // Per-layer lines as Compose prints them under the image: "a1b2c3d4e5f6 Downloading 1048576/3145728 bytes".
        PullOptions options = PullOptions.defaults().progress(p -> p.layerId().ifPresent(layer -> progress.accept(
                new ComposeEvent("Layer", layer, p.status(), p.total() > 0 ? p.current() + "/" + p.total() + " bytes" : ""))));
        if (s.platform() != null) {
            options = options.platform(s.platform());
        }
        try {
            ImagePulls.pull(api.conn(), image, options);
        } catch (BerthException e) {
            progress.accept(new ComposeEvent("Image", image, "Error", e.getMessage()));
            throw new ComposeException(s.name(), "Cannot pull image '" + image + "' for service '" + s.name() + "': "
                    + e.getMessage() + (s.build() != null ? "" : "; check the image name, or add a build section"), e);
        }
        progress.accept(new ComposeEvent("Image", image, "Pulled", ""));
    }

    /** Builds the service's image from its build section and returns the new image id. */
    String build(Service s) {
        Build b = s.build();
        if (b == null) {
            throw new ComposeException(s.name(), "Service '" + s.name() + "' has no build section", null);
        }
        String image = ContainerSpecs.imageName(project, s);
        progress.accept(new ComposeEvent("Service", s.name(), "Building", ""));
        BuildSpec.Builder spec = BuildSpec.builder().tag(image);
        if (b.context() != null && !b.context().contains("://")) {
            Path context = Path.of(b.context());
            spec.context(context);
            if (b.dockerfileInline() != null) {
                spec.dockerfile(b.dockerfileInline());
            } else if (b.dockerfile() != null) {
                spec.dockerfile(context.resolve(b.dockerfile()));
            }
        } else {
            throw new ComposeException(s.name(), "Service '" + s.name() + "' builds from '" + b.context()
                    + "'; Berth builds only from local directories", null);
        }
        b.args().forEach((k, v) -> {
            if (v != null) {
                spec.buildArg(k, v);
            }
        });
        b.labels().forEach(spec::label);
        b.tags().forEach(spec::tag);
        if (b.target() != null) {
            spec.target(b.target());
        }
        if (b.noCache()) {
            spec.noCache();
        }
        if (b.pull()) {
            spec.pull();
        }
        if (b.network() != null) {
            spec.network(b.network());
        }
        spec.output(line -> progress.accept(new ComposeEvent("Service", s.name(), "Building", line.strip())));
        try {
            String id = api.engine().build(spec.build()).id();
            progress.accept(new ComposeEvent("Service", s.name(), "Built", ""));
            return id.startsWith("sha256:") ? id : id(image);
        } catch (BerthException e) {
            progress.accept(new ComposeEvent("Service", s.name(), "Error", e.getMessage()));
            throw new ComposeException(s.name(), "Cannot build the image of service '" + s.name() + "': "
                    + e.getMessage(), e);
        }
    }
}
