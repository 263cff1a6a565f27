package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

/** {@code CMD <command>}: exec form ({@code ["a", "b"]}) is recommended, shell form is accepted. */
public record Cmd(Command command) implements Instruction {

    /** Requires a command. */
    public Cmd {
        requireNonNull(command, "command");
    }

    /** {@code CMD} in exec form. */
    public static Cmd exec(String... args) {
        return new Cmd(Command.exec(args));
    }

    @Override
    public String keyword() {
        return "CMD";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("CMD");
        out.command(command);
        out.end();
    }
}
