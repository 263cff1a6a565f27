package dev.berth.dockerfile.lint;

/** One rule violation at a 1-based Dockerfile line (the start line of the instruction; 1 for file-level advice). */
public record Finding(String rule, Severity severity, String message, int line) {

    /** Formats like hadolint's tty output: {@code 3 DL3008 warning: Pin versions…}. */
    @Override
    public String toString() {
        return line + " " + rule + " " + severity.value() + ": " + message;
    }
}
