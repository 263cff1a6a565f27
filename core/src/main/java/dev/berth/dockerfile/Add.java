package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ADD [--chown] [--chmod] [--checksum] [--keep-git-dir] [--link] [--unpack] [--exclude…] <src>… <dest>}:
 * like {@link Copy}, plus URLs, Git repositories and archive unpacking.
 */
public record Add(List<String> sources, String destination, Optional<String> chown, Optional<String> chmod,
                  Optional<String> checksum, boolean keepGitDir, boolean link, Optional<Boolean> unpack,
                  List<String> excludes, List<Heredoc> heredocs) implements Instruction {

    /** Requires a source, a destination, and here-documents matching the {@code <<NAME} sources. */
    public Add {
        sources = Checks.lines("ADD", sources);
        if (sources.isEmpty()) {
            throw new DockerfileValueException("ADD", "", "ADD needs at least one source");
        }
        requireNonNull(destination, "destination");
        Checks.singleLine("ADD", destination);
        chown = Checks.optionalSingleLine("ADD --chown", chown);
        chmod = Checks.optionalSingleLine("ADD --chmod", chmod);
        checksum = Checks.optionalSingleLine("ADD --checksum", checksum);
        requireNonNull(unpack, "unpack");
        excludes = Checks.lines("ADD --exclude", excludes);
        heredocs = Checks.list("ADD heredoc", heredocs);
        Run.checkHeredocs("ADD", String.join(" ", sources), heredocs);
    }

    /** {@code ADD src dest}. */
    public static Add of(String source, String destination) {
        return new Add(List.of(source), destination, Optional.empty(), Optional.empty(), Optional.empty(), false,
                false, Optional.empty(), List.of(), List.of());
    }

    /** The sources and the destination, as written after the flags. */
    public List<String> paths() {
        return concat(sources, destination);
    }

    static List<String> concat(List<String> sources, String destination) {
        List<String> all = new ArrayList<>(sources.size() + 1);
        all.addAll(sources);
        all.add(destination);
        return all;
    }

    @Override
    public String keyword() {
        return "ADD";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("ADD");
        chown.ifPresent(v -> out.flag("chown", v));
        chmod.ifPresent(v -> out.flag("chmod", v));
        checksum.ifPresent(v -> out.flag("checksum", v));
        if (keepGitDir) {
            out.flag("keep-git-dir");
        }
        if (link) {
            out.flag("link");
        }
        unpack.ifPresent(v -> out.flag("unpack", v.toString()));
        excludes.forEach(v -> out.flag("exclude", v));
        out.paths(paths(), heredocs.isEmpty());
        out.end(heredocs);
    }
}
