package dev.berth.maven;

import dev.berth.dockerfile.lint.DockerfileLinter;
import dev.berth.dockerfile.lint.Finding;
import dev.berth.dockerfile.lint.Severity;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lints the Dockerfile (the project's, or the generated one) with hadolint's rules and fails the build on findings
 * at or above {@code failOn}, as {@code hadolint --failure-threshold} does. Needs no engine. Bound to
 * {@code validate}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class LintMojo extends DockerfileMojo {
    /** The lowest severity that fails the build: error, warning, info, style, or none. */
    @Parameter(property = "berth.failOn", defaultValue = "warning")
    String failOn;

    /** Rule ids to leave out, e.g. {@code DL3008} ({@code hadolint --ignore}). */
    @Parameter(property = "berth.ignore")
    List<String> ignore;

    /** Skips this goal. */
    @Parameter(property = "berth.skip.lint", defaultValue = "false")
    boolean skipLint;

    @Override
    Optional<String> skipReason() {
        return skipLint ? Optional.of("berth.skip.lint") : Optional.empty();
    }

    @Override
    void run() throws MojoFailureException {
        Optional<Severity> threshold = threshold(failOn);
        DockerfileLinter linter = DockerfileLinter.builder()
                .disable(ignore == null ? new String[0] : ignore.stream().map(String::strip).toArray(String[]::new))
                .contextDirectory(context.toPath())
                .build();
        String source = generated() ? "generated Dockerfile" : dockerfile.toString();
        List<Finding> findings = linter.lint(model());
        long failing = 0;
        for (Finding f : findings) {
            boolean fails = threshold.isPresent() && f.severity().compareTo(threshold.get()) <= 0;
            String line = source + ":" + f;
            if (fails) {
                failing++;
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        if (failing > 0) {
            throw new MojoFailureException(failing + " Dockerfile finding(s) at or above '" + failOn + "' in " + source
                    + "; fix them, silence one with '# hadolint ignore=RULE' above its line, or raise <failOn>");
        }
        getLog().info(source + ": " + findings.size() + " finding(s), none at or above '" + failOn + "'");
    }

    /** The severity named, or empty for {@code none}; {@link Severity} is ordered from error down to style. */
    static Optional<Severity> threshold(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("none")) {
            return Optional.empty();
        }
        for (Severity s : Severity.values()) {
            if (s.value().equals(n)) {
                return Optional.of(s);
            }
        }
        throw new IllegalArgumentException("<failOn> '" + name + "' is not a severity; use error, warning, info, style"
                + " or none");
    }
}
