package dev.berth.dockerfile;

/** {@code STOPSIGNAL <signal>}: the signal that stops the container, e.g. {@code SIGTERM}. */
public record StopSignal(String signal) implements Instruction {

    /** Trims the value and refuses a blank value or a line break. */
    public StopSignal {
        signal = Checks.text("STOPSIGNAL", signal);
    }

    @Override
    public String keyword() {
        return "STOPSIGNAL";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("STOPSIGNAL");
        out.text(signal);
        out.end();
    }
}
