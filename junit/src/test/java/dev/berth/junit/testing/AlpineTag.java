package dev.berth.junit.testing;

import dev.berth.Engine;

/**
 * Testcontainers runs its own checks in an {@code alpine:3.17} container, and no registry is reachable here: the
 * busybox test image is tagged {@code alpine:3.17} when no such image exists, and the tag is removed again afterwards
 * only if it was created here.
 */
public final class AlpineTag {
    public static final String ALPINE = "alpine:3.17";

    private AlpineTag() {
    }

    /** Tags the busybox image as alpine:3.17 if that tag is missing; true if this call created it. */
    public static synchronized boolean ensure(Engine engine) {
        if (engine.image(ALPINE).exists()) {
            return false;
        }
        engine.image(Images.BUSYBOX).tag(ALPINE);
        return true;
    }

    /** Removes the tag (not the image) if {@link #ensure} created it. */
    public static synchronized void release(Engine engine, boolean created) {
        if (created) {
            engine.image(ALPINE).remove();
        }
    }
}
