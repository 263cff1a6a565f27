package dev.berth;

/** An image build failed; carries the failing step and the build output up to the failure. */
public class ImageBuildException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final String step;
    private final String output;
    private final String error;

    public ImageBuildException(String step, String error, String output, Throwable cause) {
        super("Image build failed" + (step == null ? "" : " at " + step) + ": " + error
                + "; fix the Dockerfile or the build context and build again"
                + (output == null || output.isBlank() ? "" : "\n--- build output ---\n" + tail(output)), cause);
        this.step = step;
        this.output = output == null ? "" : output;
        this.error = error;
    }

    /** The engine's error, e.g. {@code The command '/bin/sh -c make' returned a non-zero code: 2}. */
    public String error() {
        return error;
    }

    /** The Dockerfile step that failed, e.g. {@code Step 3/5 : RUN make}, or null when the build failed before any step. */
    public String step() {
        return step;
    }

    /** Everything the build printed up to the failure. */
    public String output() {
        return output;
    }

    private static String tail(String output) {
        int max = 4000;
        return output.length() <= max ? output : "…" + output.substring(output.length() - max);
    }
}
