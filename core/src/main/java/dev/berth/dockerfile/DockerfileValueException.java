package dev.berth.dockerfile;

/**
 * Thrown when a value cannot be written into a Dockerfile without changing its meaning, for example a newline that
 * would start a new instruction; names the instruction and quotes the value.
 */
public final class DockerfileValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String instruction;
    private final String value;

    /** Creates the exception for {@code value} of {@code instruction} (a keyword such as {@code ENV}). */
    public DockerfileValueException(String instruction, String value, String reason) {
        super(instruction + ": cannot write " + quote(value) + ": " + reason);
        this.instruction = instruction;
        this.value = value;
    }

    /** The keyword of the instruction that refused the value, such as {@code RUN}. */
    public String instruction() {
        return instruction;
    }

    /** The refused value. */
    public String value() {
        return value;
    }

    private static String quote(String v) {
        StringBuilder out = new StringBuilder();
        dev.berth.dockerfile.internal.Json.quote(out, v);
        return out.toString();
    }
}
