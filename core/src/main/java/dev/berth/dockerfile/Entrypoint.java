package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

/** {@code ENTRYPOINT <command>}: exec form ({@code ["a", "b"]}) is recommended, shell form is accepted. */
public record Entrypoint(Command command) implements Instruction {

    /** Requires a command. */
    public Entrypoint {
        requireNonNull(command, "command");
    }

    /** {@code ENTRYPOINT} in exec form. */
    public static Entrypoint exec(String... args) {
        return new Entrypoint(Command.exec(args));
    }

    @Override
    public String keyword() {
        return "ENTRYPOINT";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("ENTRYPOINT");
        out.command(command);
        out.end();
    }
}
