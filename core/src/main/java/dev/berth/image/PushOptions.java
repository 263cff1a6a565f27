package dev.berth.image;

import dev.berth.registry.RegistryAuth;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of {@code docker push}; immutable, each method returns a changed copy.
 *
 * @param auth     where credentials come from; {@link RegistryAuth#fromEnv()} by default
 * @param progress receives every progress message as it arrives, on the calling thread
 */
public record PushOptions(RegistryAuth auth, Consumer<? super PushProgress> progress) {
    public PushOptions {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(progress, "progress");
    }

    /** Credentials from the docker config, no progress consumer. */
    public static PushOptions defaults() {
        return new PushOptions(RegistryAuth.fromEnv(), p -> { });
    }

    /** Uses these credentials (explicit, or another docker config) instead of the environment's. */
    public PushOptions auth(RegistryAuth auth) {
        return new PushOptions(auth, progress);
    }

    /** Sends each progress message to this consumer. */
    public PushOptions progress(Consumer<? super PushProgress> consumer) {
        return new PushOptions(auth, consumer);
    }
}
