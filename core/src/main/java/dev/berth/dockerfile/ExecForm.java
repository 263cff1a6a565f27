package dev.berth.dockerfile;

import java.util.List;

/** An exec-form command, rendered as a JSON array such as {@code ["/app", "--port", "8080"]}; any string is allowed. */
public record ExecForm(List<String> args) implements Command {

    /** Copies the arguments; exec form needs no escaping beyond JSON, so every value is accepted. */
    public ExecForm {
        args = Checks.list("exec form", args);
        args.forEach(a -> java.util.Objects.requireNonNull(a, "exec form argument"));
    }
}
