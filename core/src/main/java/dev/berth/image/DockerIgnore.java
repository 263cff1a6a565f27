package dev.berth.image;

import static java.util.Objects.requireNonNull;

import dev.berth.BerthException;
import dev.berth.image.internal.GoPaths;
import dev.berth.image.internal.IgnoreFileReader;
import dev.berth.image.internal.IgnorePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Immutable {@code .dockerignore} rules that match exactly as Docker's (moby/patternmatcher): Go glob syntax,
 * {@code **} across directories, a pattern also matching everything below a matched directory, '!' re-includes,
 * and the last matching line wins. Thread-safe.
 *
 * <pre>{@code
 * DockerIgnore ignore = DockerIgnore.parse("node_modules\n*.log\n!node_modules/keep.txt\n");
 * ignore.excludes("node_modules/a/b.js");   // true
 * ignore.excludes("node_modules/keep.txt"); // false
 * }</pre>
 */
public final class DockerIgnore {
    private static final String PATTERN_CHARS = "*[]?^\\";
    private static final DockerIgnore NONE = new DockerIgnore(List.of(), List.of(), null);

    private final List<IgnorePattern> patterns;
    /** Where each pattern was written, for errors raised when it is matched. */
    private final List<IgnoreFileReader.Line> lines;
    private final String source;
    private final boolean hasExceptions;
    /** "dir/" prefixes of the '!' patterns, or null if one has wildcards and so nothing excluded may be skipped. */
    private final List<String> exceptionPrefixes;

    private DockerIgnore(List<IgnorePattern> patterns, List<IgnoreFileReader.Line> lines, String source) {
        this.patterns = List.copyOf(patterns);
        this.lines = List.copyOf(lines);
        this.source = source;
        List<String> prefixes = new ArrayList<>();
        boolean exceptions = false;
        for (IgnorePattern p : patterns) {
            if (!p.isException()) {
                continue;
            }
            exceptions = true;
            String literal = stripSuffix(stripSuffix(p.text(), "/**"), "/*");
            if (prefixes != null && literal.chars().noneMatch(c -> PATTERN_CHARS.indexOf(c) >= 0)) {
                prefixes.add(literal + "/");
            } else {
                prefixes = null;
            }
        }
        this.hasExceptions = exceptions;
        this.exceptionPrefixes = prefixes;
    }

    /** No rules: nothing is excluded. */
    public static DockerIgnore none() {
        return NONE;
    }

    /**
     * Parses {@code .dockerignore} text as Docker reads the file: BOM stripped, '#' lines and blank lines skipped,
     * patterns trimmed and cleaned, one leading '/' dropped.
     *
     * @throws DockerIgnoreException for a bare '!', a malformed pattern or a line longer than 65,535 bytes in UTF-8
     *     (Docker refuses such a file too), naming the line and column
     */
    public static DockerIgnore parse(String content) {
        requireNonNull(content, "content");
        return readText(() -> IgnoreFileReader.readAll(content), null);
    }

    /**
     * Reads and parses a {@code .dockerignore} file; see {@link #parse}. Comment lines may hold any bytes, as Docker
     * never reads them; pattern lines must be UTF-8.
     *
     * @throws DockerIgnoreException for a refused pattern, a pattern line that is not UTF-8 or a line longer than
     *     65,535 bytes, naming the file, line and column
     */
    public static DockerIgnore read(Path file) {
        requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BerthException("Cannot read ignore file " + file + ": " + e.getMessage()
                    + "; check that it exists and is readable", e);
        }
        return readText(() -> IgnoreFileReader.readAll(IgnoreFileReader.decode(bytes)), file.toString());
    }

    private static DockerIgnore readText(Supplier<List<IgnoreFileReader.Line>> reader, String source) {
        List<IgnoreFileReader.Line> lines;
        try {
            lines = reader.get();
        } catch (IgnoreFileReader.BadLineException e) {
            throw new DockerIgnoreException(".dockerignore line " + e.line() + (source == null ? "" : " of " + source)
                    + " " + e.getMessage(), "", source, e.line(), e.column());
        }
        return load(lines, source);
    }

    /**
     * Loads patterns that are already split into lines, as patternmatcher's {@code New} does: each is trimmed and
     * cleaned, blank ones are dropped; unlike {@link #parse}, '#' has no special meaning and a leading '/' is kept.
     *
     * @throws DockerIgnoreException for a bare '!' or a malformed pattern, naming its 1-based position as the line
     */
    public static DockerIgnore of(List<String> patterns) {
        List<IgnoreFileReader.Line> lines = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            lines.add(IgnoreFileReader.Line.of(i + 1, requireNonNull(patterns.get(i), "pattern")));
        }
        return load(lines, null);
    }

    /** Same as {@link #of(List)}. */
    public static DockerIgnore of(String... patterns) {
        return of(Arrays.asList(patterns));
    }

    private static DockerIgnore load(List<IgnoreFileReader.Line> lines, String source) {
        List<IgnorePattern> patterns = new ArrayList<>();
        List<IgnoreFileReader.Line> kept = new ArrayList<>();
        for (IgnoreFileReader.Line line : lines) {
            try {
                IgnorePattern p = IgnorePattern.of(line.pattern());
                if (p != null) {
                    kept.add(line);
                    patterns.add(p);
                }
            } catch (IgnorePattern.SyntaxException e) {
                throw new DockerIgnoreException(describe(line.pattern(), line, source) + ": "
                        + e.getMessage() + "; fix the pattern, or escape a special character with '\\'",
                        line.pattern(), source, line.number(), line.column());
            }
        }
        return patterns.isEmpty() ? NONE : new DockerIgnore(patterns, kept, source);
    }

    /** The loaded patterns in order, cleaned, '!' patterns with their '!'. */
    public List<String> patterns() {
        return patterns.stream().map(IgnorePattern::toString).toList();
    }

    /** True if some pattern starts with '!' (re-includes). */
    public boolean hasExceptions() {
        return hasExceptions;
    }

    /**
     * True if a clean, relative slash path is excluded, judging it alone as patternmatcher's
     * {@code MatchesOrParentMatches} does: a pattern matches the path or any of its parent directories.
     *
     * @throws DockerIgnoreException if a pattern Go's regexp compiler refuses has to be evaluated
     */
    public boolean excludes(String slashPath) {
        requireNonNull(slashPath, "slashPath");
        boolean matched = false;
        String parent = null;
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern p = patterns.get(i);
            if (p.isException() != matched) {
                continue;
            }
            boolean match = matches(i, slashPath);
            if (!match) {
                parent = parent == null ? GoPaths.dir(slashPath) : parent;
                match = matchesAncestor(i, parent);
            }
            if (match) {
                matched = !p.isException();
            }
        }
        return matched;
    }

    /**
     * Matches one path of a depth-first walk, reusing its parent directory's result, as patternmatcher's
     * {@code MatchesUsingParentResults} does and as Docker's CLI and BuildKit use it while packing a context.
     * Differs from {@link #excludes} only for rare orderings such as {@code a/b} followed by {@code !a}.
     *
     * @param parent the result for the path's parent directory, or null for a top-level path (or to judge the
     *     path alone)
     * @throws DockerIgnoreException if a pattern Go's regexp compiler refuses has to be evaluated
     */
    public Match match(String slashPath, Match parent) {
        requireNonNull(slashPath, "slashPath");
        boolean[] inherited = parent == null ? null : parent.patternMatched;
        boolean[] matchedBy = new boolean[patterns.size()];
        boolean matched = false;
        String parentDir = null;
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern p = patterns.get(i);
            boolean match = inherited != null && inherited[i];
            if (!match) {
                if (p.isException() != matched) {
                    continue;
                }
                match = matches(i, slashPath);
                if (!match && inherited == null) {
                    parentDir = parentDir == null ? GoPaths.dir(slashPath) : parentDir;
                    match = matchesAncestor(i, parentDir);
                }
            }
            matchedBy[i] = match;
            if (match) {
                matched = !p.isException();
            }
        }
        return new Match(matchedBy, matched, matched && canSkipBelow(slashPath));
    }

    /** True if no '!' pattern could re-include anything below {@code dir} (the rule BuildKit prunes by). */
    private boolean canSkipBelow(String dir) {
        if (!hasExceptions) {
            return true;
        }
        if (exceptionPrefixes == null) {
            return false;
        }
        String dirSlash = dir + "/";
        return exceptionPrefixes.stream().noneMatch(prefix -> prefix.startsWith(dirSlash));
    }

    private boolean matchesAncestor(int i, String parentDir) {
        if (parentDir.equals(".")) {
            return false;
        }
        for (int slash = parentDir.indexOf('/'); slash >= 0; slash = parentDir.indexOf('/', slash + 1)) {
            if (matches(i, parentDir.substring(0, slash))) {
                return true;
            }
        }
        return matches(i, parentDir);
    }

    private boolean matches(int i, String path) {
        try {
            return patterns.get(i).matches(path);
        } catch (IgnorePattern.BadPatternException e) {
            String pattern = patterns.get(i).toString();
            IgnoreFileReader.Line line = lines.get(i);
            throw new DockerIgnoreException(describe(pattern, line, source) + ": " + e.getMessage()
                    + "; fix the pattern (Docker rejects it too)", pattern, source, line.number(), line.column());
        }
    }

    private static String describe(String pattern, IgnoreFileReader.Line line, String source) {
        String shown = pattern.length() <= 120 ? pattern
                : pattern.substring(0, 100) + "…(" + pattern.length() + " characters)";
        return "Invalid .dockerignore pattern \"" + shown + "\" on line " + line.number()
                + (source == null ? "" : " of " + source) + " (column " + line.column() + ")";
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DockerIgnore other && patterns().equals(other.patterns());
    }

    @Override
    public int hashCode() {
        return patterns().hashCode();
    }

    @Override
    public String toString() {
        return "DockerIgnore" + patterns();
    }

    /** The result of {@link #match} for one path; pass it as the parent when matching the path's children. */
    public static final class Match {
        private final boolean[] patternMatched;
        private final boolean excluded;
        private final boolean prunable;

        private Match(boolean[] patternMatched, boolean excluded, boolean prunable) {
            this.patternMatched = patternMatched;
            this.excluded = excluded;
            this.prunable = prunable;
        }

        /** True if the path is excluded from the context. */
        public boolean excluded() {
            return excluded;
        }

        /** True if the path is excluded and, were it a directory, nothing below it could be re-included. */
        public boolean prunable() {
            return prunable;
        }
    }
}
