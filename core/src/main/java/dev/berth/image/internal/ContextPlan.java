package dev.berth.image.internal;

import dev.berth.BerthException;
import dev.berth.image.DockerIgnore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves a build context spec the way {@code docker build} does before packing: the context's real path, which
 * Dockerfile (default {@code Dockerfile}, else {@code dockerfile}; symlinks resolved), which ignore file
 * ({@code <Dockerfile>.dockerignore} beside the Dockerfile wins over the context's {@code .dockerignore}), and a
 * Dockerfile from outside the context or from memory sent under a generated name that {@code .dockerignore} lists,
 * so the engine drops it from the context it builds with.
 */
public record ContextPlan(String dockerfile, ContextPacker packer) {
    private static final String IGNORE_FILE = ".dockerignore";

    /**
     * @param directory the context directory, or null for a context made only of {@code extras}
     * @param dockerfile a host Dockerfile (relative paths resolve against the working directory), or null
     * @param dockerfileText Dockerfile content, or null
     * @param ignore explicit rules, or null to read them from the ignore files
     * @param extras archive path to entry, added after the walk in path order
     */
    public static ContextPlan resolve(Path directory, Path dockerfile, String dockerfileText, DockerIgnore ignore,
            Map<String, ContextPacker.Extra> extras, boolean gzip) {
        Path root = directory == null ? null : realDirectory(directory);
        Map<String, ContextPacker.Extra> entries = new TreeMap<>(ContextPacker.NAME_ORDER);
        entries.putAll(extras);
        String name = null;
        byte[] generated = null;
        Path ignoreBeside = null;
        if (dockerfileText != null) {
            generated = dockerfileText.getBytes(StandardCharsets.UTF_8);
        } else {
            Path given = dockerfile != null ? dockerfile.toAbsolutePath() : defaultDockerfile(root);
            if (given != null) {
                ignoreBeside = given.resolveSibling(given.getFileName() + IGNORE_FILE);
                Path real = realFile(given);
                if (root != null && real.startsWith(root) && !real.equals(root)) {
                    name = slashPath(root.relativize(real));
                } else {
                    generated = readAll(real, "Dockerfile");
                }
            } else if (entries.containsKey("Dockerfile")) {
                name = "Dockerfile";
            } else {
                throw new BerthException("No Dockerfile in " + (root == null ? "the build context" : root)
                        + "; add one, or set dockerfile(Path) or dockerfileText(String)");
            }
        }
        DockerIgnore rules = ignore != null ? ignore : readIgnore(ignoreBeside, root);
        Set<String> forced = new HashSet<>(Set.of(IGNORE_FILE));
        if (generated != null) {
            name = ".dockerfile." + HexFormat.of().formatHex(sha256(generated)).substring(0, 20);
            entries.put(name, new ContextPacker.Extra(name, generated, 0600, null));
            entries.put(IGNORE_FILE, ignoreListing(entries.get(IGNORE_FILE), root, name));
        } else {
            forced.add(name);
        }
        ContextPacker packer = new ContextPacker(root, rules, forced, new ArrayList<>(entries.values()), gzip);
        return new ContextPlan(name, packer);
    }

    /** Validates an archive path for an extra entry and returns it cleaned. */
    public static String archivePath(String name) {
        String clean = GoPaths.clean(name);
        if (name.isEmpty() || clean.startsWith("/") || clean.equals(".") || clean.equals("..")
                || clean.startsWith("../")) {
            throw new IllegalArgumentException("Archive path \"" + name
                    + "\" must be a relative path inside the context, such as \"config/app.yml\"");
        }
        return clean;
    }

    private static Path defaultDockerfile(Path root) {
        if (root == null) {
            return null;
        }
        for (String candidate : List.of("Dockerfile", "dockerfile")) {
            if (Files.exists(root.resolve(candidate), LinkOption.NOFOLLOW_LINKS)) {
                return root.resolve(candidate);
            }
        }
        return null;
    }

    private static DockerIgnore readIgnore(Path beside, Path root) {
        if (beside != null && Files.isRegularFile(beside)) {
            return DockerIgnore.read(beside);
        }
        if (root != null && Files.isRegularFile(root.resolve(IGNORE_FILE))) {
            return DockerIgnore.read(root.resolve(IGNORE_FILE));
        }
        return DockerIgnore.none();
    }

    /** The {@code .dockerignore} to send when the Dockerfile has a generated name: the original plus that name. */
    private static ContextPacker.Extra ignoreListing(ContextPacker.Extra override, Path root, String dockerfile) {
        byte[] original;
        int mode = 0600;
        if (override != null && override.hostFile() == null) {
            original = override.content();
            mode = override.mode();
        } else if (override != null) {
            original = readAll(override.hostFile(), IGNORE_FILE);
        } else if (root != null && Files.isRegularFile(root.resolve(IGNORE_FILE))) {
            original = readAll(root.resolve(IGNORE_FILE), IGNORE_FILE);
        } else {
            original = IGNORE_FILE.getBytes(StandardCharsets.UTF_8);
        }
        byte[] suffix = ("\n" + dockerfile + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[original.length + suffix.length];
        System.arraycopy(original, 0, content, 0, original.length);
        System.arraycopy(suffix, 0, content, original.length, suffix.length);
        return new ContextPacker.Extra(IGNORE_FILE, content, mode, null);
    }

    private static Path realDirectory(Path directory) {
        try {
            Path real = directory.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new BerthException("Build context " + directory + " is not a directory; pass a directory");
            }
            return real;
        } catch (IOException e) {
            throw new BerthException("Cannot open build context " + directory + ": " + e
                    + "; check that the directory exists", e);
        }
    }

    private static Path realFile(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new BerthException("Cannot locate Dockerfile " + file + ": " + e
                    + "; check the path (a relative one resolves against the working directory, as with "
                    + "docker build -f)", e);
        }
    }

    private static byte[] readAll(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BerthException("Cannot read " + what + " " + file + ": " + e
                    + "; check that it exists and is readable", e);
        }
    }

    private static String slashPath(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
