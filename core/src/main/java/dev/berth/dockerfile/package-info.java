/**
 * A typed Dockerfile model: build it fluently, parse it from text, render it back, and lint it.
 *
 * <p>{@link dev.berth.dockerfile.Dockerfile} holds parser {@link dev.berth.dockerfile.Directive directives} and
 * {@link dev.berth.dockerfile.Statement statements}; each instruction of the Dockerfile reference is one immutable
 * record of the sealed {@link dev.berth.dockerfile.Instruction} hierarchy (FROM, RUN, CMD, LABEL, EXPOSE, ENV, ADD,
 * COPY, ENTRYPOINT, VOLUME, USER, WORKDIR, ARG, ONBUILD, STOPSIGNAL, HEALTHCHECK, SHELL, MAINTAINER). Every statement
 * renders itself through one {@link dev.berth.dockerfile.DockerfileWriter}, which owns all quoting and escaping and
 * refuses values that would change meaning, such as a line break that would start a new instruction.
 *
 * <pre>{@code
 * Dockerfile df = Dockerfile.builder()
 *     .from("golang:1.22").as("builder").workdir("/src").copy(".", ".")
 *     .run().mount(Mount.cache("/root/.cache/go-build")).shell("go build -o /app").done()
 *     .stage("final").from("gcr.io/distroless/static:nonroot")
 *     .copy().from("builder").src("/app").dest("/app").done()
 *     .user("65532").entrypoint("/app")
 *     .build();
 * String text = df.render();                          // Dockerfile text
 * Dockerfile same = Dockerfile.parse(text);           // same.equals(df), with line numbers
 * List<Finding> findings = DockerfileLinter.defaults().lint(same);
 * }</pre>
 *
 * <p>The parser follows BuildKit's: parser directives ({@code syntax}, {@code escape}, {@code check}), line
 * continuations with the escape character, comments and empty lines inside continuations, here-documents, JSON exec
 * form with fallback to shell form, and {@code key=value} as well as legacy {@code key value} ENV/LABEL. ENV, LABEL
 * and ARG values are kept as templates: {@code $VAR} stays a reference, quotes and escapes are resolved.
 */
package dev.berth.dockerfile;
