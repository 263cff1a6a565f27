package dev.berth.maven;

import dev.berth.container.PublishedPort;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;
import java.util.Optional;

/**
 * Goals that set up or tear down what integration tests run against (up, down, start, stop). They are skipped
 * together with the integration tests — {@code skipITs}, {@code skipTests}, {@code maven.test.skip} — as Failsafe is.
 */
abstract class TestEnvironmentMojo extends BerthMojo {
    /** The label on every container the start goal runs: {@code groupId:artifactId} of the project. */
    static final String PROJECT_LABEL = "berth.maven.project";

    /**
     * The project name: the Compose project name ({@code -p}) and the prefix of the start goal's container names;
     * default: the artifactId, made a valid name. Every build of the project uses the same name, so each finds and
     * removes what a killed earlier build left.
     */
    @Parameter(property = "berth.projectName")
    String projectName;

    /** Skipped with the integration tests, as Failsafe is. */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    /** Skipped with all tests, as Failsafe is. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skipped when tests are not even compiled, as Failsafe is. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean mavenTestSkip;

    /** The goal's own skip flag, named in the log when set. */
    abstract Optional<String> goalSkipFlag();

    @Override
    final Optional<String> skipReason() {
        Optional<String> own = goalSkipFlag();
        if (own.isPresent()) {
            return own;
        }
        if (skipITs) {
            return Optional.of("skipITs");
        }
        if (skipTests) {
            return Optional.of("skipTests");
        }
        return mavenTestSkip ? Optional.of("maven.test.skip") : Optional.empty();
    }

    /** The configured project name, else the artifactId made a valid Compose project name. */
    String projectName() {
        return projectName == null || projectName.isBlank() ? Coordinates.projectName(project.getArtifactId())
                : projectName.strip();
    }

    /** Sets the project properties {@code berth.NAME.PORT} for a container's published ports, and logs them. */
    void publishPorts(String name, List<PublishedPort> ports) {
        PortProperties.of(name, ports).forEach((key, value) -> {
            project.getProperties().setProperty(key, value);
            getLog().info(key + " = " + value);
        });
    }

    /** This project's value of {@link #PROJECT_LABEL}. */
    String projectLabel() {
        return project.getGroupId() + ":" + project.getArtifactId();
    }
}
