package dev.berth.maven;

import dev.berth.dockerfile.Dockerfile;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * The Dockerfile a goal works on: the project's own file, or — when {@code from} is set — one generated from the
 * typed Dockerfile model out of a few short parameters.
 */
abstract class DockerfileMojo extends BerthMojo {
    /** The Dockerfile ({@code docker build -f}); used unless {@code from} is set. */
    @Parameter(property = "berth.dockerfile", defaultValue = "${project.basedir}/Dockerfile")
    File dockerfile;

    /** The build context directory ({@code docker build DIR}). */
    @Parameter(property = "berth.context", defaultValue = "${project.basedir}")
    File context;

    /** Generates the Dockerfile from this base image instead of reading {@code dockerfile}. */
    @Parameter(property = "berth.from")
    String from;

    /** Generated Dockerfile: {@code COPY} steps, each {@code SRC... DEST} relative to the context. */
    @Parameter(property = "berth.copy")
    List<String> copy;

    /** Generated Dockerfile: {@code RUN} steps, each a shell command. */
    @Parameter(property = "berth.run")
    List<String> run;

    /** Generated Dockerfile: {@code ENV} entries, each {@code KEY=VALUE}. */
    @Parameter(property = "berth.env")
    List<String> env;

    /** Generated Dockerfile: {@code EXPOSE} ports, e.g. {@code 8080} or {@code 53/udp}. */
    @Parameter(property = "berth.expose")
    List<String> expose;

    /** Generated Dockerfile: {@code WORKDIR}. */
    @Parameter(property = "berth.workdir")
    String workdir;

    /** Generated Dockerfile: {@code USER}. */
    @Parameter(property = "berth.user")
    String user;

    /** Generated Dockerfile: {@code ENTRYPOINT} in exec form, one element per argument. */
    @Parameter(property = "berth.entrypoint")
    List<String> entrypoint;

    /** Generated Dockerfile: {@code CMD} in exec form, one element per argument. */
    @Parameter(property = "berth.cmd")
    List<String> cmd;

    /** Generated Dockerfile: a {@code HEALTHCHECK CMD} shell command. */
    @Parameter(property = "berth.healthcheck")
    String healthcheck;

    /** Whether the Dockerfile is generated from the model ({@code from} set) rather than read from a file. */
    boolean generated() {
        return from != null && !from.isBlank();
    }

    /** The Dockerfile model: generated, or parsed from {@code dockerfile} (which must exist). */
    Dockerfile model() {
        if (generated()) {
            return new GeneratedDockerfile(from, copy, run, KeyValues.parse(env, "env"), expose, workdir, user,
                    entrypoint, cmd, healthcheck).model();
        }
        return Dockerfile.parse(requireDockerfile().toPath());
    }

    /** The Dockerfile on disk; fails, naming it, when it is missing. */
    File requireDockerfile() {
        if (!dockerfile.isFile()) {
            throw new IllegalArgumentException("No Dockerfile at " + dockerfile + "; add one, point <dockerfile> at it,"
                    + " or set <from> to generate one from the typed model");
        }
        return dockerfile;
    }
}
