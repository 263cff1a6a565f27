package dev.berth.dockerfile.lint;

import static java.util.Objects.requireNonNull;

import dev.berth.dockerfile.Comment;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.dockerfile.Instruction;
import dev.berth.dockerfile.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a {@link Dockerfile} against hadolint's rules (same ids, severities and messages) plus Berth's own advice.
 *
 * <pre>{@code
 * List<Finding> findings = DockerfileLinter.builder()
 *     .disable("DL3059")
 *     .contextDirectory(Path.of("."))      // enables BERTH001 (.dockerignore for a big context)
 *     .build()
 *     .lint(Dockerfile.parse(Path.of("Dockerfile")));
 * }</pre>
 *
 * <p>A comment {@code # hadolint ignore=DL3008,DL3015} right before an instruction silences those rules for it;
 * {@code # hadolint global ignore=DL3059} silences them for the whole file.
 */
public final class DockerfileLinter {
    /** Berth's rule: a build context above the size threshold without a {@code .dockerignore}. */
    public static final LintRule BERTH001 = new LintRule("BERTH001", Severity.WARNING,
            "The build context is large and has no .dockerignore; add one to keep the context small and builds fast");

    private static final List<Rule> RULES;
    private static final Pattern IGNORE = Pattern.compile("\\s*hadolint\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9, ]+)");

    static {
        List<Rule> all = new ArrayList<>(InstructionRules.all());
        all.addAll(ShellRules.all());
        all.sort(Comparator.comparing(r -> r.info().id()));
        RULES = List.copyOf(all);
    }

    private final Set<String> disabled;
    private final Path contextDirectory;
    private final long contextSizeThreshold;

    private DockerfileLinter(Builder b) {
        this.disabled = Set.copyOf(b.disabled);
        this.contextDirectory = b.contextDirectory;
        this.contextSizeThreshold = b.contextSizeThreshold;
    }

    /** A linter with every rule enabled and no build context. */
    public static DockerfileLinter defaults() {
        return builder().build();
    }

    /** Starts a linter configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every rule this linter knows, sorted by id. */
    public static List<LintRule> rules() {
        List<LintRule> out = new ArrayList<>(RULES.stream().map(Rule::info).toList());
        out.add(BERTH001);
        return List.copyOf(out);
    }

    /** Lints the Dockerfile; blocks on file I/O only when a context directory is set. Findings are sorted by line. */
    public List<Finding> lint(Dockerfile dockerfile) {
        requireNonNull(dockerfile, "dockerfile");
        Scan scan = new Scan(dockerfile);
        Map<Integer, Set<String>> ignoredAt = new HashMap<>();
        Set<String> ignoredEverywhere = new HashSet<>();
        readPragmas(dockerfile, ignoredAt, ignoredEverywhere);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            LintRule info = rule.info();
            if (disabled.contains(info.id()) || ignoredEverywhere.contains(info.id())) {
                continue;
            }
            List<Integer> lines = new ArrayList<>();
            rule.check().run(scan, lines);
            for (int line : lines) {
                if (!ignoredAt.getOrDefault(line, Set.of()).contains(info.id())) {
                    findings.add(new Finding(info.id(), info.severity(), info.message(), line));
                }
            }
        }
        if (contextDirectory != null && !disabled.contains(BERTH001.id()) && !ignoredEverywhere.contains(BERTH001.id())
                && needsDockerignore()) {
            findings.add(new Finding(BERTH001.id(), BERTH001.severity(), BERTH001.message(), 1));
        }
        findings.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::rule));
        return findings;
    }

    private static void readPragmas(Dockerfile df, Map<Integer, Set<String>> at, Set<String> global) {
        List<Statement> statements = df.statements();
        Set<String> pending = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s instanceof Comment c) {
                Matcher m = IGNORE.matcher(c.text());
                if (m.matches()) {
                    Set<String> ids = new HashSet<>();
                    for (String id : m.group(2).split(",")) {
                        ids.add(id.strip().toUpperCase(Locale.ROOT));
                    }
                    (m.group(1) != null ? global : pending).addAll(ids);
                }
            } else if (s instanceof Instruction) {
                if (!pending.isEmpty()) {
                    at.put(df.line(i), Set.copyOf(pending));
                }
                pending.clear();
            } else {
                pending.clear();
            }
        }
    }

    private boolean needsDockerignore() {
        if (Files.exists(contextDirectory.resolve(".dockerignore"))) {
            return false;
        }
        long[] total = {0};
        try (Stream<Path> files = Files.walk(contextDirectory)) {
            return files.filter(Files::isRegularFile).anyMatch(p -> {
                try {
                    total[0] += Files.size(p);
                } catch (IOException e) {
                    return false;
                }
                return total[0] > contextSizeThreshold;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read build context " + contextDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Configures a {@link DockerfileLinter}. */
    public static final class Builder {
        private final Set<String> disabled = new HashSet<>();
        private Path contextDirectory;
        private long contextSizeThreshold = 10L * 1024 * 1024;

        private Builder() {}

        /** Turns rules off by id, e.g. {@code disable("DL3059", "DL3008")}. */
        public Builder disable(String... ids) {
            for (String id : ids) {
                String upper = id.toUpperCase(Locale.ROOT);
                if (rules().stream().noneMatch(r -> r.id().equals(upper))) {
                    throw new IllegalArgumentException("Unknown lint rule '" + id + "'; known rules: "
                            + rules().stream().map(LintRule::id).toList());
                }
                disabled.add(upper);
            }
            return this;
        }

        /** The build context to check for BERTH001; without it that rule does not run. */
        public Builder contextDirectory(Path directory) {
            this.contextDirectory = requireNonNull(directory, "directory");
            return this;
        }

        /** The context size (bytes, default 10 MiB) above which BERTH001 asks for a {@code .dockerignore}. */
        public Builder contextSizeThreshold(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("contextSizeThreshold must be >= 0, was " + bytes);
            }
            this.contextSizeThreshold = bytes;
            return this;
        }

        /** The configured linter. */
        public DockerfileLinter build() {
            return new DockerfileLinter(this);
        }
    }

    /** The rule with the given id, if known. */
    public static Optional<LintRule> rule(String id) {
        return rules().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }
}
