package dev.berth.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The walk-throughs' files (Dockerfiles' companions, compose files, app sources), shipped as classpath resources
 * under {@code dev/berth/examples/}, so an example runs the same from the source tree, a jar or {@code exec:java}.
 */
public final class Resources {
    private static final String ROOT = "/dev/berth/examples/";

    private Resources() {
    }

    /** The bytes of {@code dev/berth/examples/PATH}; fails naming the path if it is not on the class path. */
    public static byte[] bytes(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + ROOT + path + " is missing from the class path;"
                        + " rebuild the examples module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + ROOT + path, e);
        }
    }

    /** The resource as UTF-8 text. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** The named files under {@code dir}, by their path relative to it. */
    public static Map<String, byte[]> files(String dir, String... names) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, bytes(dir + "/" + n));
        }
        return out;
    }

    /** Writes the named files under {@code dir} into {@code target}, keeping their relative paths. */
    public static Path copy(String dir, Path target, String... names) {
        try {
            for (Map.Entry<String, byte[]> f : files(dir, names).entrySet()) {
                Path p = target.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the files of " + dir + " into " + target, e);
        }
    }

    /** Deletes a directory tree, quietly; for the temporary directories the walk-throughs make. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the OS to clean up with the rest of the temp directory
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
