package dev.berth.dockerfile;

import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT and HEALTHCHECK: {@link ShellForm shell form}, run by the image's shell, or
 * {@link ExecForm exec form}, a JSON array run directly.
 */
public sealed interface Command permits ShellForm, ExecForm {

    /** A shell-form command, e.g. {@code shell("apt-get update && apt-get install -y curl")}. */
    static ShellForm shell(String script) {
        return new ShellForm(script);
    }

    /** An exec-form command, e.g. {@code exec("/app", "--port", "8080")}. */
    static ExecForm exec(String... args) {
        return new ExecForm(List.of(args));
    }

    /** An exec-form command from a list of arguments. */
    static ExecForm exec(List<String> args) {
        return new ExecForm(args);
    }
}
