package dev.berth.image.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Generates the benchmark's 10,000-file context: sources, docs, node_modules, logs and tmp dirs. */
public final class ContextTree {
    static final String DOCKERIGNORE = """
            # dependencies, logs and scratch space stay out of the image
            node_modules
            **/*.log
            **/tmp
            .git
            !node_modules/keep-me/package.json
            """;
    static final int FILES = 10_000;

    private final Random random = new Random(42);
    private int files;

    private ContextTree() {
    }

    /** Generates the tree into the (empty or new) directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        System.out.println(generate(dir) + " files written to " + dir);
    }

    /** Writes the tree under {@code dir} (which should be empty) and returns the number of files other than the
     * Dockerfile and .dockerignore. */
    public static int generate(Path dir) throws IOException {
        ContextTree tree = new ContextTree();
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".dockerignore"), DOCKERIGNORE);
        for (int m = 0; m < 60; m++) {
            for (int f = 0; f < 100; f++) {
                tree.file(dir.resolve("src/module-" + m + "/pkg-" + f % 10 + "/Source" + f + ".java"), 1024, 16384);
            }
        }
        for (int m = 0; m < 50; m++) {
            for (int f = 0; f < 10; f++) {
                tree.file(dir.resolve("src/module-" + m + "/tmp/scratch-" + f + ".bin"), 1024, 8192);
                tree.file(dir.resolve("src/module-" + m + "/build-" + f + ".log"), 4096, 65536);
            }
        }
        for (int p = 0; p < 100; p++) {
            for (int f = 0; f < 25; f++) {
                tree.file(dir.resolve("node_modules/pkg-" + p + "/lib/file-" + f + ".js"), 1024, 8192);
            }
        }
        tree.file(dir.resolve("node_modules/keep-me/package.json"), 200, 400);
        tree.file(dir.resolve("node_modules/keep-me/index.js"), 200, 400);
        while (tree.files < FILES) {
            tree.file(dir.resolve("docs/section-" + tree.files % 20 + "/page-" + tree.files + ".md"), 1024, 4096);
        }
        return tree.files;
    }

    private void file(Path path, int min, int max) throws IOException {
        byte[] content = new byte[min + random.nextInt(max - min)];
        random.nextBytes(content);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        files++;
    }
}
