package dev.berth.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A COPY or ADD being built: {@code copy().from("build").chown("app").src("/out/app").dest("/app").done()}.
 * Flags that the instruction does not have ({@code from}/{@code parents} on ADD, {@code checksum} on COPY) throw.
 */
public final class CopyStep {
    private final DockerfileBuilder parent;
    private final boolean add;
    private final List<String> sources = new ArrayList<>();
    private final List<String> excludes = new ArrayList<>();
    private final List<Heredoc> heredocs = new ArrayList<>();
    private Optional<String> from = Optional.empty();
    private Optional<String> chown = Optional.empty();
    private Optional<String> chmod = Optional.empty();
    private Optional<String> checksum = Optional.empty();
    private Optional<Boolean> unpack = Optional.empty();
    private boolean link;
    private boolean parents;
    private boolean keepGitDir;
    private String destination;

    CopyStep(DockerfileBuilder parent, boolean add) {
        this.parent = parent;
        this.add = add;
    }

    /** Adds sources: paths in the context, or for ADD also URLs and Git repositories. */
    public CopyStep src(String... paths) {
        sources.addAll(List.of(paths));
        return this;
    }

    /** Adds an inline file as a here-document source ({@code <<EOF}); a final newline is added. */
    public CopyStep content(String text) {
        String body = text.endsWith("\n") ? text : text + "\n";
        Heredoc h = Heredoc.of(Heredoc.delimiterFor(body, "EOF" + (heredocs.isEmpty() ? "" : heredocs.size())), body);
        heredocs.add(h);
        sources.add(h.marker());
        return this;
    }

    /** The destination path; a directory ends with {@code /} when there are several sources. */
    public CopyStep dest(String path) {
        destination = path;
        return this;
    }

    /** {@code --from=<stage|image|context>} (COPY only). */
    public CopyStep from(String stageOrImage) {
        requireCopy("from");
        from = Optional.of(stageOrImage);
        return this;
    }

    /** {@code --chown=<user>[:<group>]}. */
    public CopyStep chown(String owner) {
        chown = Optional.of(owner);
        return this;
    }

    /** {@code --chmod=<perms>}, e.g. {@code 0755}. */
    public CopyStep chmod(String perms) {
        chmod = Optional.of(perms);
        return this;
    }

    /** {@code --link}. */
    public CopyStep link() {
        link = true;
        return this;
    }

    /** {@code --parents} (COPY only). */
    public CopyStep parents() {
        requireCopy("parents");
        parents = true;
        return this;
    }

    /** Adds an {@code --exclude=<pattern>}. */
    public CopyStep exclude(String pattern) {
        excludes.add(pattern);
        return this;
    }

    /** {@code --checksum=<hash>} (ADD only), e.g. {@code sha256:…}. */
    public CopyStep checksum(String hash) {
        requireAdd("checksum");
        checksum = Optional.of(hash);
        return this;
    }

    /** {@code --keep-git-dir} (ADD only). */
    public CopyStep keepGitDir() {
        requireAdd("keepGitDir");
        keepGitDir = true;
        return this;
    }

    /** {@code --unpack=<bool>} (ADD only). */
    public CopyStep unpack(boolean value) {
        requireAdd("unpack");
        unpack = Optional.of(value);
        return this;
    }

    private void requireCopy(String flag) {
        if (add) {
            throw new IllegalStateException(flag + "(…) is a COPY flag; ADD does not have it");
        }
    }

    private void requireAdd(String flag) {
        if (!add) {
            throw new IllegalStateException(flag + "(…) is an ADD flag; COPY does not have it");
        }
    }

    /** Adds the instruction to the Dockerfile and returns to it. */
    public DockerfileBuilder done() {
        if (sources.isEmpty() || destination == null) {
            throw new IllegalStateException((add ? "add()" : "copy()") + " needs src(…) and dest(…) before done()");
        }
        Instruction i = add
                ? new Add(sources, destination, chown, chmod, checksum, keepGitDir, link, unpack, excludes, heredocs)
                : new Copy(sources, destination, from, chown, chmod, link, parents, excludes, heredocs);
        return parent.append(i);
    }
}
