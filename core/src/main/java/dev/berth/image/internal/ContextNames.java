package dev.berth.image.internal;

import dev.berth.image.BuildSpec;

import java.nio.file.Path;

/** Decides where the Dockerfile sits inside the context archive, the same way {@link ContextTar} writes it. */
final class ContextNames {
    private ContextNames() {
    }

    static String dockerfileName(BuildSpec spec) {
        if (spec.dockerfileText().isPresent()) {
            return spec.context().isPresent() ? ".berth-dockerfile" : "Dockerfile";
        }
        if (spec.context().isPresent() && spec.dockerfile().isPresent()) {
            Path df = spec.dockerfile().get().toAbsolutePath().normalize();
            Path abs = spec.context().get().toAbsolutePath().normalize();
            return df.startsWith(abs) ? abs.relativize(df).toString().replace('\\', '/')
                    : ".berth-dockerfile-" + Integer.toHexString(df.hashCode());
        }
        return "Dockerfile";
    }
}
