package dev.berth.testing;

import dev.berth.container.ContainerSpec;

/** Runs a shell script in a fresh container and collects its exit code and output (stdout and stderr, in order). */
public final class Sh {
    /**
     * A finished script.
     *
     * @param exitCode the container's exit code
     * @param output   stdout and stderr lines, each ending in a newline
     */
    public record Result(int exitCode, String output) {
        /** The output, after asserting the script succeeded. */
        public String ok() {
            if (exitCode != 0) {
                throw new AssertionError("script exited with " + exitCode + "; output:\n" + output);
            }
            return output;
        }
    }

    private Sh() {
    }

    /** Runs {@code sh -c script} with the builder's other settings; the container is removed afterwards. */
    public static Result run(ContainerSpec.Builder builder, String script) {
        StringBuilder out = new StringBuilder();
        int code = builder.command("sh", "-c", script).attached()
                .output(l -> {
                    synchronized (out) {
                        out.append(l.text()).append('\n');
                    }
                }).run();
        synchronized (out) {
            return new Result(code, out.toString());
        }
    }
}
