package dev.berth.dockerfile;

import java.util.List;

/** {@code SHELL ["executable", "parameters"]}: the shell used by later shell-form commands; always JSON. */
public record Shell(List<String> command) implements Instruction {

    /** Requires at least the executable. */
    public Shell {
        command = Checks.list("SHELL", command);
        if (command.isEmpty()) {
            throw new DockerfileValueException("SHELL", "[]", "SHELL needs at least the executable");
        }
        command.forEach(a -> java.util.Objects.requireNonNull(a, "SHELL argument"));
    }

    /** {@code SHELL [args…]}. */
    public static Shell of(String... command) {
        return new Shell(List.of(command));
    }

    @Override
    public String keyword() {
        return "SHELL";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("SHELL");
        out.json(command);
        out.end();
    }
}
