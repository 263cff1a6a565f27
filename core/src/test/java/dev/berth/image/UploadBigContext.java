package dev.berth.image;

import dev.berth.Engine;

import java.nio.file.Path;

/** Child-JVM entry point for {@link BuildContextUploadMemoryIT}: builds a directory on the engine, prints the image id. */
public final class UploadBigContext {
    private UploadBigContext() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.fromEnv()) {
            Image image = engine.build(BuildSpec.builder().context(Path.of(args[0])).tag(args[1]).build());
            System.out.println(image.id());
        }
    }
}
