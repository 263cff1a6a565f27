package dev.berth.image;

import static java.util.Objects.requireNonNull;

import dev.berth.BerthException;
import dev.berth.image.internal.BackgroundPipe;
import dev.berth.image.internal.ContextPacker;
import dev.berth.image.internal.ContextPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable description of a build context, packed into a tar only by the terminal verbs {@link #writeTo} and
 * {@link #open}; the context is streamed, never held in memory. Packing follows {@code docker build}: the
 * {@code .dockerignore} rules apply as Docker applies them, the Dockerfile and {@code .dockerignore} are always sent,
 * uid/gid are 0, modes, mtimes (to the second) and symlinks are kept.
 *
 * <pre>{@code
 * BuildContext context = BuildContext.fromDirectory(Path.of("app"))
 *         .dockerfile(Path.of("docker/Dockerfile.prod"))
 *         .withFile("VERSION", "1.2.3\n".getBytes(UTF_8), 0644);
 * try (ContextStream tar = context.open()) {
 *     post("/build?dockerfile=" + tar.dockerfile(), tar);
 * }
 * }</pre>
 */
public final class BuildContext {
    private final Path directory;
    private final Path dockerfile;
    private final String dockerfileText;
    private final DockerIgnore ignore;
    private final Map<String, ContextPacker.Extra> files;
    private final boolean compress;

    private BuildContext(Path directory, Path dockerfile, String dockerfileText, DockerIgnore ignore,
            Map<String, ContextPacker.Extra> files, boolean compress) {
        this.directory = directory;
        this.dockerfile = dockerfile;
        this.dockerfileText = dockerfileText;
        this.ignore = ignore;
        this.files = files;
        this.compress = compress;
    }

    /** A context made of the files under {@code directory}; its {@code Dockerfile} is used unless told otherwise. */
    public static BuildContext fromDirectory(Path directory) {
        return new BuildContext(requireNonNull(directory, "directory"), null, null, null, Map.of(), false);
    }

    /** A context with no directory: only a Dockerfile and the files added with {@code withFile}. */
    public static BuildContext empty() {
        return new BuildContext(null, null, null, null, Map.of(), false);
    }

    /**
     * Uses this host file as the Dockerfile, as {@code docker build -f} does: a relative path resolves against the
     * working directory; a Dockerfile outside the context is sent under a generated name.
     */
    public BuildContext dockerfile(Path file) {
        return new BuildContext(directory, requireNonNull(file, "file"), null, ignore, files, compress);
    }

    /** Uses this text as the Dockerfile, sent under a generated name (as {@code docker build -f -} does). */
    public BuildContext dockerfileText(String text) {
        return new BuildContext(directory, null, requireNonNull(text, "text"), ignore, files, compress);
    }

    /**
     * Applies these rules instead of reading {@code <Dockerfile>.dockerignore} beside the Dockerfile or, failing
     * that, the context's {@code .dockerignore}.
     */
    public BuildContext ignore(DockerIgnore rules) {
        return new BuildContext(directory, dockerfile, dockerfileText, requireNonNull(rules, "rules"), files,
                compress);
    }

    /**
     * Adds an in-memory file at {@code archivePath} (slash-separated, relative) with permission bits {@code mode}
     * (e.g. {@code 0644}); it replaces a context file of the same path and ignores {@code .dockerignore}.
     */
    public BuildContext withFile(String archivePath, byte[] content, int mode) {
        requireNonNull(content, "content");
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode)
                    + " is not a permission mode; pass octal bits such as 0644 or 0755");
        }
        String name = ContextPlan.archivePath(requireNonNull(archivePath, "archivePath"));
        return withExtra(new ContextPacker.Extra(name, content.clone(), mode, null));
    }

    /**
     * Adds the regular file {@code hostFile} (links followed; mode and mtime kept) at {@code archivePath}; it
     * replaces a context file of the same path and ignores {@code .dockerignore}.
     */
    public BuildContext withFile(String archivePath, Path hostFile) {
        requireNonNull(hostFile, "hostFile");
        String name = ContextPlan.archivePath(requireNonNull(archivePath, "archivePath"));
        return withExtra(new ContextPacker.Extra(name, null, 0, hostFile.toAbsolutePath()));
    }

    /** Gzips the archive, as {@code docker build --compress} does. */
    public BuildContext compress() {
        return new BuildContext(directory, dockerfile, dockerfileText, ignore, files, true);
    }

    private BuildContext withExtra(ContextPacker.Extra extra) {
        Map<String, ContextPacker.Extra> copy = new LinkedHashMap<>(files);
        copy.put(extra.name(), extra);
        return new BuildContext(directory, dockerfile, dockerfileText, ignore, Map.copyOf(copy), compress);
    }

    /**
     * Packs the context into {@code out} and returns the Dockerfile's path inside the archive. Blocks until the
     * whole archive is written; flushes {@code out} but does not close it.
     *
     * @throws BerthException if the context cannot be read or {@code out} cannot be written
     */
    public String writeTo(OutputStream out) {
        requireNonNull(out, "out");
        ContextPlan plan = plan();
        try {
            plan.packer().writeTo(out);
        } catch (IOException e) {
            throw new BerthException("Cannot write the build context: " + e.getMessage()
                    + "; check the context directory and the destination stream", e);
        }
        return plan.dockerfile();
    }

    /**
     * Starts packing the context on a background thread and returns the tar as a stream, which the caller must
     * close. The Dockerfile is located and the ignore rules are read before this returns.
     *
     * @throws BerthException if the context, its Dockerfile or its ignore file cannot be read
     */
    public ContextStream open() {
        ContextPlan plan = plan();
        return new ContextStream(BackgroundPipe.start("berth-build-context", plan.packer()::writeTo),
                plan.dockerfile());
    }

    private ContextPlan plan() {
        return ContextPlan.resolve(directory, dockerfile, dockerfileText, ignore, files, compress);
    }

    @Override
    public String toString() {
        return "BuildContext[" + (directory == null ? "empty" : directory)
                + (dockerfile == null ? "" : ", dockerfile=" + dockerfile)
                + (dockerfileText == null ? "" : ", dockerfileText")
                + (ignore == null ? "" : ", " + ignore)
                + (files.isEmpty() ? "" : ", files=" + files.keySet())
                + (compress ? ", compressed" : "") + "]";
    }
}
