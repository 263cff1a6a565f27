package dev.berth.maven;

import dev.berth.Engine;
import dev.berth.image.Image;
import dev.berth.image.PushOptions;
import dev.berth.image.PushResult;
import dev.berth.registry.RegistryAuth;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker push}: pushes every tag of the image the build goal made, with registry credentials read as the
 * docker CLI reads them ({@code config.json} in {@code DOCKER_CONFIG} or {@code ~/.docker}: credential helpers,
 * the credential store, {@code auths}). Bound to {@code deploy}.
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends BerthMojo {
    /** The image repository, as for build; default: the artifactId. */
    @Parameter(property = "berth.image")
    String image;

    /** The tags to push; default: the project version and {@code latest}, as build tags them. */
    @Parameter(property = "berth.tags")
    List<String> tags;

    /** Pushes to this registry ({@code host[:port]}): each tag is first tagged {@code REGISTRY/IMAGE:TAG}. */
    @Parameter(property = "berth.registry")
    String registry;

    /** The directory holding the docker CLI's {@code config.json}; default: DOCKER_CONFIG, else ~/.docker. */
    @Parameter(property = "berth.dockerConfig")
    File dockerConfig;

    /** Skips this goal. */
    @Parameter(property = "berth.skip.push", defaultValue = "false")
    boolean skipPush;

    @Override
    Optional<String> skipReason() {
        return skipPush ? Optional.of("berth.skip.push") : Optional.empty();
    }

    @Override
    void run() {
        List<String> references = ImageNames.references(project, image, tags);
        RegistryAuth auth = dockerConfig == null ? RegistryAuth.fromEnv() : RegistryAuth.dockerConfig(dockerConfig.toPath());
        PushOptions options = PushOptions.defaults().auth(auth);
        try (Engine engine = connect()) {
            for (String reference : references) {
                Image local = engine.image(reference);
                Image target = registry == null || registry.isBlank() ? local : local.tag(registry.strip() + "/" + reference);
                PushResult pushed = target.push(options);
                getLog().info("Pushed " + pushed.reference() + "@" + pushed.digest());
            }
        }
    }
}
