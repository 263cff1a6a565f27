package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * {@code COPY [--from] [--chown] [--chmod] [--link] [--parents] [--exclude…] <src>… <dest>}; a source may be a
 * here-document marker such as {@code <<EOF}, whose body is in {@code heredocs}. Paths are written as words, or as a
 * JSON array when one contains whitespace or quotes.
 */
public record Copy(List<String> sources, String destination, Optional<String> from, Optional<String> chown,
                   Optional<String> chmod, boolean link, boolean parents, List<String> excludes,
                   List<Heredoc> heredocs) implements Instruction {

    /** Requires a source, a destination, and here-documents matching the {@code <<NAME} sources. */
    public Copy {
        sources = Checks.lines("COPY", sources);
        if (sources.isEmpty()) {
            throw new DockerfileValueException("COPY", "", "COPY needs at least one source");
        }
        requireNonNull(destination, "destination");
        Checks.singleLine("COPY", destination);
        from = Checks.optionalSingleLine("COPY --from", from);
        chown = Checks.optionalSingleLine("COPY --chown", chown);
        chmod = Checks.optionalSingleLine("COPY --chmod", chmod);
        excludes = Checks.lines("COPY --exclude", excludes);
        heredocs = Checks.list("COPY heredoc", heredocs);
        Run.checkHeredocs("COPY", String.join(" ", sources), heredocs);
    }

    /** {@code COPY src… dest}. */
    public static Copy of(List<String> sources, String destination) {
        return new Copy(sources, destination, Optional.empty(), Optional.empty(), Optional.empty(), false, false,
                List.of(), List.of());
    }

    /** {@code COPY src dest}. */
    public static Copy of(String source, String destination) {
        return of(List.of(source), destination);
    }

    /** The sources and the destination, as written after the flags. */
    public List<String> paths() {
        return Add.concat(sources, destination);
    }

    @Override
    public String keyword() {
        return "COPY";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("COPY");
        from.ifPresent(v -> out.flag("from", v));
        chown.ifPresent(v -> out.flag("chown", v));
        chmod.ifPresent(v -> out.flag("chmod", v));
        if (link) {
            out.flag("link");
        }
        if (parents) {
            out.flag("parents");
        }
        excludes.forEach(v -> out.flag("exclude", v));
        out.paths(paths(), heredocs.isEmpty());
        out.end(heredocs);
    }
}
