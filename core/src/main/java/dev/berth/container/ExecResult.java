package dev.berth.container;

/**
 * The outcome of a finished exec.
 *
 * @param exitCode the command's exit code
 * @param stdout   everything it wrote to stdout (and stderr, with a TTY)
 * @param stderr   everything it wrote to stderr
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
    /** Whether the command exited with 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
