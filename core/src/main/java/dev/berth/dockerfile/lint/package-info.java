/**
 * A Dockerfile linter with hadolint's rule ids, severities and messages, inline {@code # hadolint ignore=} pragmas,
 * and Berth's own advice (BERTH001: a {@code .dockerignore} for a big build context).
 *
 * <pre>{@code
 * for (Finding f : DockerfileLinter.builder().disable("DL3059").build().lint(Dockerfile.parse(path))) {
 *     System.out.println(f);   // 3 DL3008 warning: Pin versions in apt get install. …
 * }
 * }</pre>
 */
package dev.berth.dockerfile.lint;
