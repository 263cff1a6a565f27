package dev.berth.image;

import dev.berth.registry.RegistryAuth;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Options of {@code docker pull}; immutable, each method returns a changed copy.
 *
 * <pre>{@code
 * ProgressTracker bar = new ProgressTracker();
 * Image img = engine.image("127.0.0.1:5000/app:1")
 *         .pull(PullOptions.defaults().platform("linux/amd64").progress(bar));
 * }</pre>
 *
 * @param platform the platform to pull ({@code --platform}, e.g. {@code linux/arm64}), or the engine's own
 * @param auth     where credentials come from; {@link RegistryAuth#fromEnv()} by default
 * @param progress receives every progress message as it arrives, on the calling thread
 */
public record PullOptions(Optional<String> platform, RegistryAuth auth, Consumer<? super PullProgress> progress) {
    public PullOptions {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(progress, "progress");
        platform.ifPresent(PullOptions::checkPlatform);
    }

    /** The engine's platform, credentials from the docker config, no progress consumer. */
    public static PullOptions defaults() {
        return new PullOptions(Optional.empty(), RegistryAuth.fromEnv(), p -> { });
    }

    /** Pulls the variant for this platform, {@code os[/arch[/variant]]}. */
    public PullOptions platform(String platform) {
        return new PullOptions(Optional.of(platform), auth, progress);
    }

    /** Uses these credentials (explicit, or another docker config) instead of the environment's. */
    public PullOptions auth(RegistryAuth auth) {
        return new PullOptions(platform, auth, progress);
    }

    /** Sends each progress message to this consumer. */
    public PullOptions progress(Consumer<? super PullProgress> consumer) {
        return new PullOptions(platform, auth, consumer);
    }

    static void checkPlatform(String p) {
        if (!p.matches("[a-z0-9_]+(/[a-zA-Z0-9_.-]+){0,2}")) {
            throw new IllegalArgumentException("Platform '" + p + "' is not os[/arch[/variant]], e.g. linux/amd64");
        }
    }
}
